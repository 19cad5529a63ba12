package com.portfolio.bridge.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace joined to this host by a veth pair (host side {@code <net>.1}, the
 * namespace {@code <net>.2}), for clients whose network can be made to vanish: taking the link
 * down inside the namespace drops every packet, so the server never sees a FIN or a RST.
 * Needs root (or CAP_NET_ADMIN) and iproute2.
 */
public final class NetNamespace implements AutoCloseable {

    private final String name;
    private final String hostSide;
    private final String peerSide;
    private final String net;

    private NetNamespace(String name, String net) {
        this.name = name;
        this.hostSide = name + "h";
        this.peerSide = name + "p";
        this.net = net;
    }

    /** @param net the first three octets of a /30 no one else uses, e.g. "10.231.7" */
    public static NetNamespace create(String name, String net) throws IOException, InterruptedException {
        NetNamespace ns = new NetNamespace(name, net);
        ns.quietly("ip", "link", "del", ns.hostSide);
        ns.quietly("ip", "netns", "del", name);
        ns.run("ip", "netns", "add", name);
        ns.run("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", ns.peerSide);
        ns.run("ip", "link", "set", ns.peerSide, "netns", name);
        ns.run("ip", "addr", "add", net + ".1/30", "dev", ns.hostSide);
        ns.run("ip", "link", "set", ns.hostSide, "up");
        ns.run("ip", "netns", "exec", name, "ip", "addr", "add", net + ".2/30", "dev", ns.peerSide);
        ns.run("ip", "netns", "exec", name, "ip", "link", "set", ns.peerSide, "up");
        return ns;
    }

    /** This host's address as seen from inside the namespace. */
    public String hostAddress() {
        return net + ".1";
    }

    /** A process inside the namespace. */
    public ProcessBuilder exec(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return new ProcessBuilder(full);
    }

    /** The namespace's link goes down: from now on its packets go nowhere, in both directions. */
    public void vanish() throws IOException, InterruptedException {
        run("ip", "netns", "exec", name, "ip", "link", "set", peerSide, "down");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        quietly("ip", "link", "del", hostSide);
        quietly("ip", "netns", "del", name);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (needs root and iproute2): " + output);
        }
    }

    private void quietly(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Nothing to clean up.
        }
    }
}
