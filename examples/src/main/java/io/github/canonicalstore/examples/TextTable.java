package io.github.canonicalstore.examples;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: the first column left-aligned, the others right-aligned, columns padded to fit. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * A table with a header row.
     *
     * @param header the column titles
     */
    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header.clone());
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column
     * @return this table
     */
    public TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /**
     * Renders the table with a rule under the header.
     *
     * @param indent the text before every line
     * @return the lines, each ending with a line separator
     */
    public String render(String indent) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : "   " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                int total = 0;
                for (int c = 0; c < columns; c++) {
                    total += widths[c] + (c == 0 ? 0 : 3);
                }
                out.append(indent).append("-".repeat(total)).append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
