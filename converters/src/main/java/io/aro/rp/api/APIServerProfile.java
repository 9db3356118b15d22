package io.aro.rp.api;

/** The API server of a cluster. */
public class APIServerProfile extends MissingFields {
    private Visibility visibility;
    private String url;
    private String ip;

    public Visibility getVisibility() {
        return visibility;
    }

    public void setVisibility(Visibility visibility) {
        this.visibility = visibility;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }
}
