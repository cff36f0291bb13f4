package org.nlb.report;

import java.awt.image.BufferedImage;
import org.nlb.render.PngDataUri;

/**
 * A small HTML writer: text is always escaped, tags are written by the methods that need them.
 * Images go in as {@code data:} URIs ({@link PngDataUri}) so the page stands alone.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /** {@code text} with the five HTML special characters escaped. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup written as given: only for tags built in this package, never for data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** {@code <tag class="cls">}, or {@code <tag>} when {@code cls} is empty. */
    Html open(String tag, String cls) {
        out.append('<').append(tag);
        if (!cls.isEmpty()) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append('>');
        return this;
    }

    Html open(String tag) {
        return open(tag, "");
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag class="cls">text</tag>}. */
    Html element(String tag, String cls, String text) {
        return open(tag, cls).text(text).close(tag);
    }

    Html paragraph(String text) {
        return element("p", "", text);
    }

    /** A grey note, e.g. what is missing from a section. */
    Html note(String text) {
        return element("p", "note", text);
    }

    /** A link; {@code href} is a relative path within the output (never an external URL). */
    Html link(String href, String text) {
        out.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
        return this;
    }

    /** An embedded PNG image. */
    Html image(BufferedImage image, String alt) {
        out.append("<img src=\"").append(PngDataUri.of(image)).append("\" alt=\"").append(escape(alt))
                .append("\" width=\"").append(image.getWidth()).append("\">\n");
        return this;
    }

    /** A figure: the image and its caption. */
    Html figure(BufferedImage image, String caption) {
        open("figure");
        image(image, caption);
        element("figcaption", "", caption);
        return close("figure");
    }

    /** A table cell with an inline background colour (cell shading). */
    Html shadedCell(String text, String cls, java.awt.Color background) {
        out.append("<td");
        if (!cls.isEmpty()) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append(String.format(" style=\"background:#%06x%s\">", background.getRGB() & 0xFFFFFF,
                luminance(background) < 0.5 ? ";color:#fff" : ""));
        return text(text).close("td");
    }

    private static double luminance(java.awt.Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
