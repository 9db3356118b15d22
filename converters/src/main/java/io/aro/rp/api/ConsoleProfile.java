package io.aro.rp.api;

/** The web console of a cluster. */
public class ConsoleProfile extends MissingFields {
    private String url;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
