package io.zerotrust.keycloak.bench.detection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws the re-authentication rate against the true positive rate, one panel per attacker model: the pack in
 * blue, the baseline in orange, one line style per history length. Plain java.awt, so it runs headless.
 */
public final class RocPlot {

    private static final int PANEL = 360;
    private static final int MARGIN = 48;
    private static final Color PACK = new Color(0x1f77b4);
    private static final Color BASELINE = new Color(0xff7f0e);
    private static final float[][] DASHES = {{2f, 4f}, {8f, 5f}, null};

    private RocPlot() {
    }

    public static BufferedImage draw(DetectionFigures figures) {
        AttackerModel[] models = AttackerModel.values();
        int width = models.length * (PANEL + MARGIN) + MARGIN;
        int height = PANEL + 2 * MARGIN + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int m = 0; m < models.length; m++) {
            int left = MARGIN + m * (PANEL + MARGIN);
            int top = MARGIN;
            axes(g, left, top, models[m].label() + " attacker");
            AttackerModel model = models[m];
            List<DetectionFigures.Cell> cells = figures.cells().stream().filter(c -> c.attacker() == model).toList();
            for (DetectionFigures.Cell cell : cells) {
                float[] dash = DASHES[indexOf(cell.history())];
                curve(g, left, top, cell.baselineRoc(), BASELINE, dash);
                curve(g, left, top, cell.packRoc(), PACK, dash);
            }
        }
        legend(g, MARGIN, PANEL + 2 * MARGIN + 8);
        g.dispose();
        return image;
    }

    private static int indexOf(int history) {
        for (int i = 0; i < DetectionRun.HISTORIES.length; i++) {
            if (DetectionRun.HISTORIES[i] == history) {
                return i;
            }
        }
        return DASHES.length - 1;
    }

    private static void axes(Graphics2D g, int left, int top, String title) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, PANEL, PANEL);
        g.drawString(title, left + PANEL / 2 - 40, top - 8);
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            int x = left + (int) Math.round(v * PANEL);
            int y = top + PANEL - (int) Math.round(v * PANEL);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, top, x, top + PANEL);
            g.drawLine(left, y, left + PANEL, y);
            g.setColor(Color.BLACK);
            String label = String.format(Locale.ROOT, "%.2f", v);
            g.drawString(label, x - 12, top + PANEL + 14);
            g.drawString(label, left - 32, y + 4);
        }
        g.drawString("true positive rate (attacks caught)", left + PANEL / 2 - 95, top + PANEL + 30);
        g.drawString("re-authentication rate", left - 40, top - 26);
    }

    private static void curve(Graphics2D g, int left, int top, Roc roc, Color color, float[] dash) {
        Path2D path = new Path2D.Double();
        int steps = 400;
        for (int i = 0; i <= steps; i++) {
            double tpr = i / (double) steps;
            double rate = roc.reauthenticationAt(Math.max(tpr, 1e-9));
            double x = left + tpr * PANEL;
            double y = top + PANEL - rate * PANEL;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(color);
        g.setStroke(dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.draw(path);
    }

    private static void legend(Graphics2D g, int left, int top) {
        int x = left;
        x = entry(g, x, top, PACK, null, "pack (zero-trust risk engine, defaults)");
        x = entry(g, x, top, BASELINE, null, "baseline (Freeman et al., rba-algorithm)");
        for (int i = 0; i < DetectionRun.HISTORIES.length; i++) {
            x = entry(g, x, top, Color.DARK_GRAY, DASHES[i], DetectionRun.HISTORIES[i] + " prior logins");
        }
    }

    private static int entry(Graphics2D g, int x, int y, Color color, float[] dash, String text) {
        g.setColor(color);
        g.setStroke(dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.drawLine(x, y + 12, x + 28, y + 12);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 34, y + 16);
        return x + 44 + g.getFontMetrics().stringWidth(text);
    }
}
