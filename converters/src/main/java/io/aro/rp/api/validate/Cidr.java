package io.aro.rp.api.validate;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/** An IP network in CIDR notation, parsed strictly: dotted quads, a prefix length, no leading zeros. */
public final class Cidr {
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .setEmptyAsLoopback(false)
            .getIPv4AddressParametersBuilder()
            .allow_inet_aton(false)
            .allowLeadingZeros(false)
            .allowPrefixLengthLeadingZeros(false)
            .getParentBuilder()
            .toParams();

    private final String text;
    private final IPAddress address;

    private Cidr(String text, IPAddress address) {
        this.text = text;
        this.address = address;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a reason fit for an error message when it is not a CIDR
     */
    public static Cidr parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a CIDR is required");
        }
        if (!text.equals(text.strip())) {
            throw new IllegalArgumentException("surrounding white space is not allowed");
        }
        IPAddressString parsed = new IPAddressString(text, STRICT);
        IPAddress address;
        try {
            address = parsed.toAddress();
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("not a CIDR", e);
        }
        if (!parsed.isPrefixed()) {
            throw new IllegalArgumentException("a prefix length is required");
        }
        return new Cidr(text, address);
    }

    public boolean isIPv4() {
        return address.isIPv4();
    }

    public int prefixLength() {
        return address.getNetworkPrefixLength();
    }

    /** Whether the address is the network's own address, i.e. no host bits are set. */
    public boolean isNetworkAligned() {
        return address.isPrefixBlock();
    }

    /** The network this address belongs to, in CIDR notation ({@code 10.0.0.1/16} gives {@code 10.0.0.0/16}). */
    public String network() {
        return address.toPrefixBlock().toCanonicalString();
    }

    public boolean overlaps(Cidr other) {
        return address.toPrefixBlock().overlaps(other.address.toPrefixBlock());
    }

    @Override
    public String toString() {
        return text;
    }
}
