package vn.ioc.streaming.nab;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The scores as a Markdown table: a row per category and one for all files, a column per profile. */
final class NabReport {

    private NabReport() {
    }

    static String markdown(String detector, List<NabProfileScore> scores) {
        StringBuilder md = new StringBuilder();
        md.append("NAB scores of `").append(detector).append("` (0: the null detector, 100: the perfect one; ")
                .append("one threshold per profile, chosen over all files)\n\n|  |");
        scores.forEach(s -> md.append(' ').append(s.profile().name()).append(" |"));
        md.append("\n|---|");
        scores.forEach(s -> md.append("---:|"));
        md.append('\n');
        TreeSet<String> categories = new TreeSet<>();
        scores.forEach(s -> categories.addAll(s.categories().keySet()));
        for (String c : categories) {
            row(md, c, scores.stream().map(s -> number(s.categories().get(c).normalised())).toList());
        }
        row(md, "**all**", scores.stream().map(s -> "**" + number(s.normalised()) + "**").toList());
        row(md, "threshold", scores.stream().map(s -> String.format(Locale.ROOT, "%.6f", s.threshold())).toList());
        row(md, "raw score (all)", scores.stream().map(s -> String.format(Locale.ROOT, "%.3f", s.all().raw())).toList());
        row(md, "windows detected", scores.stream().map(s -> s.all().detected() + " of " + s.all().windows()).toList());
        row(md, "false positives (rows)", scores.stream().map(s -> Integer.toString(s.all().falsePositives())).toList());
        return md.toString();
    }

    private static void row(StringBuilder md, String name, List<String> cells) {
        md.append("| ").append(name).append(" |");
        cells.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append('\n');
    }

    private static String number(double normalised) {
        return Double.isNaN(normalised) ? "n/a" : String.format(Locale.ROOT, "%.2f", normalised);
    }
}
