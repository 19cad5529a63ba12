package com.portfolio.bridge.cluster;

/** Merges the project's broker fragment into a broker.xml made by {@code artemis create}. */
final class BrokerSettings {

    private BrokerSettings() {
    }

    static String merge(String brokerXml, String fragment) {
        String merged = insertAfter(brokerXml, "<addresses>", inner(fragment, "addresses"));
        merged = insertAfter(merged, "<address-settings>", inner(fragment, "address-settings"));
        String plugins = "<broker-plugins>" + inner(fragment, "broker-plugins") + "</broker-plugins>\n";
        int core = merged.lastIndexOf("</core>");
        if (core < 0) {
            throw new IllegalArgumentException("broker.xml has no </core>");
        }
        return merged.substring(0, core) + plugins + merged.substring(core);
    }

    private static String inner(String xml, String element) {
        // From the root element on: the comment above it names the same elements.
        int root = xml.indexOf("<portfolio-broker>");
        int start = xml.indexOf("<" + element + ">", root);
        int end = xml.indexOf("</" + element + ">", root);
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("the fragment has no <" + element + ">");
        }
        return xml.substring(start + element.length() + 2, end);
    }

    private static String insertAfter(String xml, String tag, String content) {
        int at = xml.indexOf(tag);
        if (at < 0) {
            throw new IllegalArgumentException("broker.xml has no " + tag);
        }
        int end = at + tag.length();
        return xml.substring(0, end) + content + xml.substring(end);
    }
}
