package io.aro.rp.api.validate;

import java.util.regex.Pattern;

/** The cluster domain rules of ARO. */
public final class DomainNames {
    private static final String LABEL = "([a-z0-9]|[a-z0-9][-a-z0-9]{0,61}[a-z0-9])";
    private static final Pattern RFC_1123 = Pattern.compile("^" + LABEL + "(\\." + LABEL + ")*$");
    // New clusters' domains must start with a letter; existing ones may start with a digit.
    private static final Pattern STARTS_WITH_LETTER =
            Pattern.compile("^([a-z][a-z0-9]|[a-z][-a-z0-9]{0,61}[a-z0-9])(\\." + LABEL + ")*$");

    private DomainNames() {
    }

    /** Whether {@code domain} is a lower-case RFC 1123 domain name. */
    public static boolean isRfc1123(String domain) {
        return domain != null && RFC_1123.matcher(domain).matches();
    }

    /** Whether {@code domain} is an RFC 1123 domain name whose first label starts with a letter. */
    public static boolean isRfc1123StartingWithLetter(String domain) {
        return domain != null && STARTS_WITH_LETTER.matcher(domain).matches();
    }

    /**
     * Whether {@code domain} may be used given the RP's managed domain (for example
     * {@code eastus.aroapp.io}): a domain under the managed parent ({@code aroapp.io}) must be exactly
     * one label under the managed domain of this RP's location.
     */
    public static boolean fitsManagedDomain(String domain, String managedDomain) {
        if (managedDomain == null || managedDomain.indexOf('.') < 0) {
            return true;
        }
        String parent = managedDomain.substring(managedDomain.indexOf('.') + 1);
        if (!domain.endsWith("." + parent)) {
            return true;
        }
        if (!domain.endsWith("." + managedDomain)) {
            return false;
        }
        return domain.substring(0, domain.length() - managedDomain.length() - 1).indexOf('.') < 0;
    }
}
