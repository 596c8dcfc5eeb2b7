package kz.aisales.gateway.voice;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import kz.aisales.gateway.config.VoiceProperties;

import org.springframework.stereotype.Component;

/**
 * Where a media link may be fetched from. Wappi's {@code file_link} is a URL in a message anyone could send us a copy
 * of, so it is fetched over http(s) only, never from a loopback, private, link-local or multicast address (the
 * gateway's own network, a cloud's metadata service), and, when {@code MEDIA_LINK_HOSTS} is set, only from those
 * hosts and their subdomains. Which host Wappi's links use is not documented: until it is set, any public host is
 * fetched from, and the host of every link is logged with the download.
 */
@Component
public class MediaLinks {

    private final List<String> hosts;
    private final boolean privateAddresses;

    public MediaLinks(VoiceProperties voice) {
        this.hosts = voice.mediaLinkHosts().stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
        this.privateAddresses = voice.allowPrivateMediaHosts();
    }

    /** The link's host when it may be fetched; otherwise a {@link MediaLinkRefusedException} saying why not. */
    public String check(String link) {
        URI uri;
        try {
            uri = URI.create(link.strip());
        } catch (IllegalArgumentException e) {
            throw new MediaLinkRefusedException("file_link is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty()) {
            throw new MediaLinkRefusedException("file_link must be an http(s) URL with a host");
        }
        if (!hosts.isEmpty() && hosts.stream().noneMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed))) {
            throw new MediaLinkRefusedException("file_link host " + host + " is not in MEDIA_LINK_HOSTS");
        }
        if (!privateAddresses) {
            refusePrivate(host);
        }
        return host;
    }

    private static void refusePrivate(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new MediaLinkRefusedException("file_link host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                throw new MediaLinkRefusedException("file_link host " + host + " is a private or local address");
            }
        }
    }

    /** IPv6 fc00::/7, which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
