package io.nextbest.examples.replay;

import java.util.Locale;

/**
 * The capture curve as an SVG picture, written by hand: share of positives reached against share of
 * customers contacted, for the rules, random choice and calling everyone; for the bank, also the fixed
 * daily capacity and the published result.
 */
public final class Plot {
    private static final int WIDTH = 420;
    private static final int HEIGHT = 400;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int SIZE = 300;
    private static final String RULES = "#1f5fa8";
    private static final String OTHER = "#888888";
    private static final String DAILY = "#d9822b";
    private static final String PUBLISHED = "#2e8b57";

    private Plot() {
    }

    public static String svg(Result r) {
        DataSet d = r.dataSet();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0, 22, "middle", 12, d.title() + " (" + r.mode() + ")"));
        for (int p = 0; p <= 100; p += 20) {
            double at = p / 100.0;
            svg.append(line(x(at), y(0), x(at), y(1), "#e4e4e4", 1, false));
            svg.append(line(x(0), y(at), x(1), y(at), "#e4e4e4", 1, false));
            svg.append(text(x(at), y(0) + 16, "middle", 11, p + "%"));
            svg.append(text(x(0) - 6, y(at) + 4, "end", 11, p + "%"));
        }
        svg.append(line(x(0), y(0), x(1), y(0), "black", 1, false));
        svg.append(line(x(0), y(0), x(0), y(1), "black", 1, false));
        svg.append(text(x(0.5), y(0) + 34, "middle", 12, d.people() + " contacted"));
        svg.append("<text x=\"16\" y=\"").append(num(y(0.5))).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(num(y(0.5))).append(")\">").append(d.positives()).append(" reached</text>\n");
        svg.append(line(x(0), y(0), x(1), y(1), OTHER, 1.5, true));
        StringBuilder points = new StringBuilder();
        for (int p = 0; p <= 100; p++) {
            points.append(p == 0 ? "" : " ").append(num(x(p / 100.0))).append(',').append(num(y(r.capture(p / 100.0))));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(RULES).append("\" stroke-width=\"2.5\" points=\"")
                .append(points).append("\"/>\n");
        for (double share : Result.SHARES) {
            svg.append(dot(share, r.capture(share), RULES));
            svg.append(text(x(share) + 6, y(r.capture(share)) + 14, "start", 11, Report.percent(r.capture(share))));
        }
        svg.append(dot(1, 1, OTHER));
        // The legend sits under the diagonal, where no curve of a useful ranking goes.
        int legend = (int) y(0.3);
        svg.append(legend(legend, RULES, false, "rules: best priority first"));
        svg.append(legend(legend + 16, OTHER, true, "random choice"));
        svg.append(legend(legend + 32, OTHER, false, "calling everyone (100%, 100%)"));
        r.daily().ifPresent(daily -> {
            double share = (double) daily.calls() / r.testRows();
            svg.append(dot(share, r.dailyCapacityCapture(), DAILY));
            svg.append(dot(0.5, Report.PUBLISHED_BANK_CAPTURE_AT_HALF, PUBLISHED));
            svg.append(legend(legend + 48, DAILY, false, "daily capacity: best half each day"));
            svg.append(legend(legend + 64, PUBLISHED, false, "published, best half (Moro 2014)"));
        });
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String legend(int at, String colour, boolean dashed, String label) {
        double left = x(0.34);
        return line(left, at, left + 18, at, colour, 2.5, dashed) + text(left + 24, at + 4, "start", 11, label);
    }

    private static String dot(double share, double reached, String colour) {
        return "<circle cx=\"" + num(x(share)) + "\" cy=\"" + num(y(reached)) + "\" r=\"4\" fill=\"" + colour + "\"/>\n";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"" + num(width) + "\""
                + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
    }

    private static String text(double x, double y, String anchor, int size, String words) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\">" + words.replace("&", "&amp;").replace("<", "&lt;") + "</text>\n";
    }

    private static double x(double share) {
        return LEFT + share * SIZE;
    }

    private static double y(double share) {
        return TOP + SIZE - share * SIZE;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
