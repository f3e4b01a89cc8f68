package io.zerotrust.keycloak.events.status;

import java.util.List;
import java.util.Locale;

/**
 * The last days' sign-ins as an SVG bar chart, for people rather than parsers: per day one bar of completed
 * sign-ins stacked by risk level and, beside it, one of refusals. Every bar carries its numbers as text and as a
 * tooltip, and the legend names each colour, so colour carries no meaning of its own.
 */
public final class SignInChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int TOP = 40;
    private static final int BOTTOM = 56;
    private static final String LOW = "#3e8635";
    private static final String MEDIUM = "#f0ab00";
    private static final String HIGH = "#c9190b";
    private static final String UNASSESSED = "#8a8d90";
    private static final String REFUSED = "#2a265f";

    private SignInChart() {
    }

    public static String svg(String realmName, List<DailySignIns.Day> days) {
        int max = 1;
        for (DailySignIns.Day day : days) {
            max = Math.max(max, Math.max(day.signIns(), day.refused()));
        }
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (WIDTH - LEFT - 16) / (double) Math.max(1, days.size());
        double bar = Math.max(4, slot * 0.38);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"zt-chart-title\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title id=\"zt-chart-title\">Sign-ins of realm ").append(escape(realmName))
                .append(" by risk level, and refusals, per day (UTC)</title>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Sign-ins of %s per day (UTC)</text>",
                LEFT, escape(realmName)));
        legend(svg);
        double baseline = TOP + plotHeight;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#6a6e73\"/>",
                LEFT, baseline, WIDTH - 8, baseline));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>", LEFT - 6, TOP + 4.0, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>", LEFT - 6, baseline + 4));
        for (int i = 0; i < days.size(); i++) {
            DailySignIns.Day day = days.get(i);
            double x = LEFT + 8 + i * slot;
            double y = baseline;
            String tip = String.format(Locale.ROOT, "%s: %d sign-ins (LOW %d, MEDIUM %d, HIGH %d, not assessed %d), "
                    + "%d asked for more, %d refused", day.date(), day.signIns(), day.low(), day.medium(), day.high(),
                    day.unassessed(), day.prompted(), day.refused());
            svg.append("<g><title>").append(escape(tip)).append("</title>");
            y = segment(svg, x, y, bar, day.low(), max, plotHeight, LOW);
            y = segment(svg, x, y, bar, day.medium(), max, plotHeight, MEDIUM);
            y = segment(svg, x, y, bar, day.high(), max, plotHeight, HIGH);
            y = segment(svg, x, y, bar, day.unassessed(), max, plotHeight, UNASSESSED);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                    x + bar / 2, y - 3, day.signIns()));
            double rx = x + bar + 2;
            double ry = segment(svg, rx, baseline, bar, day.refused(), max, plotHeight, REFUSED);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%d</text>",
                    rx + bar / 2, ry - 3, REFUSED, day.refused()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    x + bar + 1, baseline + 16, day.date().toString().substring(5)));
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static double segment(StringBuilder svg, double x, double y, double width, int count, int max,
                                  double plotHeight, String colour) {
        if (count == 0) {
            return y;
        }
        double height = plotHeight * count / max;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                x, y - height, width, height, colour));
        return y - height;
    }

    private static void legend(StringBuilder svg) {
        String[][] entries = {{LOW, "LOW"}, {MEDIUM, "MEDIUM (asked for more)"}, {HIGH, "HIGH"},
                {UNASSESSED, "not assessed"}, {REFUSED, "refused"}};
        double x = LEFT;
        double y = HEIGHT - 18;
        for (String[] entry : entries) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y - 9, entry[0]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x + 14, y, entry[1]));
            x += 34 + entry[1].length() * 6.5;
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
