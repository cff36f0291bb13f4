package org.nlb.report;

import java.util.List;
import java.util.Optional;
import org.nlb.artefact.RunResults;

/**
 * Assembles the report's one HTML page: inline CSS, a header with the run's key facts and a table
 * of contents, then the sections in order. A section that fails on one of its optional inputs
 * says so in its place; the rest of the page is still written. No script, no external URL.
 */
final class ReportPage {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#1b1b1b;background:#f6f6f4;margin:0}
            main{max-width:1240px;margin:0 auto;padding:16px 20px 40px}
            h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:0 0 10px;border-bottom:2px solid #ddd;padding-bottom:4px}
            h3{font-size:15px;margin:14px 0 6px}
            section{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:14px 18px;margin:14px 0}
            .sub{color:#555;margin:0 0 8px;font-size:14px}
            nav{font-size:13px}nav a{margin-right:12px;color:#245;text-decoration:none}
            .note{color:#666;font-size:13px;margin:6px 0}
            .verdict{border-radius:6px;padding:10px 16px;border-left:8px solid}
            .verdict.convincing{background:#eaf6ec;border-color:#2e7d32}
            .verdict.partial{background:#fff6e0;border-color:#e0a000}
            .verdict.unconvincing{background:#fdecea;border-color:#c62828}
            .verdict .headline{font-size:20px;font-weight:bold;margin:4px 0}
            .verdict li{margin:4px 0;font-size:14px}.verdict li.good{color:#1b5e20}.verdict li.bad{color:#8e1b1b}
            .verdict li.info{color:#444}.verdict .rule{font-size:12px;color:#555}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:13px}
            th,td{border:1px solid #ddd;padding:4px 6px}th{background:#f0f0ee;font-weight:600}
            table.metrics{font-size:12.5px}table.metrics th,table.metrics td{padding:3px 5px}
            table.metrics td{text-align:right;white-space:nowrap;vertical-align:top}
            table.metrics .sd{color:#777;font-size:11px;font-weight:normal}table.metrics th.name{text-align:left;white-space:nowrap}
            table.metrics .first{border-left:2px solid #999}table.metrics th.group{border-left:2px solid #999;border-right:0}
            table.metrics td.effect{font-weight:bold}
            table.metrics tr.baseline{background:#f4f4f4}table.metrics tr.ceiling{background:#eef5ee}
            .role{font-weight:normal;font-size:11px;color:#666}
            .grid{display:flex;flex-wrap:wrap;gap:12px}
            figure{margin:0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:12px;color:#555;max-width:570px;margin-top:2px}
            .pair{display:flex;flex-wrap:wrap;gap:24px}.matrix .caption{margin:2px 0;font-size:13px;font-weight:600}
            .caption{font-size:13px;font-weight:600}
            table.confusion td{text-align:right;min-width:30px;font-size:12px;padding:3px 4px}
            table.confusion th{font-size:12px;padding:3px 4px}table.confusion th.row{text-align:left;white-space:nowrap}
            table.confusion .target{outline:2px solid #c62828;outline-offset:-2px}
            table.confusion td.zero{color:#c8c8c8}
            table.facts th{text-align:left;white-space:nowrap;vertical-align:top}table.facts td{word-break:break-all}
            pre.config{background:#fafafa;border:1px solid #e2e2e2;padding:8px;font-size:12px;max-height:520px;overflow:auto}
            table.timings{margin:6px 0 10px}td.num{text-align:right;white-space:nowrap}
            td.bar{white-space:nowrap;font-size:12px;color:#555}
            td.bar span{display:inline-block;height:10px;background:#6d8fb3;vertical-align:middle}
            footer{color:#777;font-size:12px;text-align:center}
            table.metrics td.point{text-align:left;background:#fafafa}a{color:#245}
            """;

    private ReportPage() {}

    static String render(RunFile run, List<ReportSection> sections) {
        return render("nlb run report: " + name(run.dir()), "No-label backdoor run: " + name(run.dir()),
                subtitle(run.results()), sections, "Written by nlb " + org.nlb.NlbVersion.get() + " from " + run.file()
                        + " (run by nlb " + version(run.results().nlbVersion()) + ").");
    }

    /**
     * A page in the report's look (shared by the sweep's page): the title, a header with a
     * subtitle and a table of contents, the numbered sections, a footer.
     */
    static String render(String title, String heading, String subtitle, List<ReportSection> sections, String footer) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        html.text(title).raw("</title>\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n");
        html.open("main");
        html.open("header");
        html.element("h1", "", heading);
        html.element("p", "sub", subtitle);
        html.open("nav");
        int k = 1;
        for (ReportSection s : sections) {
            html.raw("<a href=\"#" + s.id() + "\">").text(k++ + ". " + s.heading()).raw("</a>");
        }
        html.close("nav").close("header");
        k = 1;
        for (ReportSection s : sections) {
            html.raw("<section id=\"" + s.id() + "\">\n");
            html.element("h2", "", k++ + ". " + s.heading());
            html.raw(body(s));
            html.close("section");
        }
        html.element("footer", "", footer);
        html.close("main").raw("</body>\n</html>\n");
        return html.toString();
    }

    /** The section's body, or one line saying why it could not be drawn. */
    private static String body(ReportSection s) {
        Html part = new Html();
        try {
            s.writeBody(part);
            return part.toString();
        } catch (RuntimeException e) {
            // A report at the end of a long run must not be lost to one optional input.
            String why = e instanceof org.nlb.io.BadInputException bad ? bad.getMessage() : e.toString();
            return new Html().note("This section could not be drawn: " + why).toString();
        }
    }

    /** The directory's own name, e.g. {@code quick} for {@code runs/quick}. */
    static String name(java.nio.file.Path path) {
        java.nio.file.Path dir = path.toAbsolutePath().normalize();
        return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    private static String subtitle(RunResults r) {
        String trigger = r.trigger() == null ? "no trigger" : r.trigger().kind() != null ? r.trigger().kind()
                : String.valueOf(r.trigger().parameters().getOrDefault("name", "?"));
        return r.dataset().spec() + " · preset " + preset(r.preset()) + " · "
                + r.seeds().size() + (r.seeds().size() == 1 ? " seed" : " seeds") + " · trigger " + trigger
                + " · budget " + r.budget() + (Double.isNaN(r.poisonShare()) ? "" : " (" + Percent.withSign(r.poisonShare())
                + ")") + " · " + featureSpace(r) + " features";
    }

    /** The version that wrote a file; "unknown" when it does not say. */
    static String version(String nlbVersion) {
        return Optional.ofNullable(nlbVersion).orElse("unknown");
    }

    /** The preset a run started from; "-" when the file does not say. */
    static String preset(String preset) {
        return Optional.ofNullable(preset).orElse("-");
    }

    /** Where the attacker's features come from: the file's, or the only space there was before it said. */
    static String featureSpace(RunResults r) {
        return Optional.ofNullable(r.featureSpace()).orElse("backbone");
    }
}
