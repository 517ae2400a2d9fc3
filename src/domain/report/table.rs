//! A report's tables as data: each cell text or a number kept as a number, so the page can word
//! numbers in the reader's language while a file keeps them for a spreadsheet to add up. Counts
//! under five can be hidden in files meant to leave the organisation, and a table is written as
//! CSV (RFC 4180).

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(u32),
    /// Days, to one decimal place (a median can fall between two days).
    Days(f64),
    /// A whole per cent.
    Percent(u32),
    /// A day: in words on the page, as `2026-09-30` in a file.
    Day(chrono::NaiveDate),
    /// Nothing to show (a share of nothing).
    Empty,
    /// A count from 1 to 4, or a figure made from one, left out of a file ("<5").
    Hidden,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }
}

/// Counts under this are hidden by [`Table::suppressed`].
pub const SMALLEST_SHOWN: u32 = 5;

/// A table: its heading's words, its columns' headings, and its rows, each starting with the
/// row's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable, for the page's ids and the file names.
    pub id: &'static str,
    pub title: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table with every count from 1 to 4 hidden, so a small number cannot point at a
    /// child. Zero points at no one and stays. No row or column is left with a single hidden
    /// count, which the row's total or the column's sum would give back: the row's other counts
    /// go too, and the column's smallest other count. A share in a row with a hidden count is
    /// hidden too, and so are the days of a table whose count was hidden (a median of two
    /// placements tells each one's length).
    pub fn suppressed(&self) -> Self {
        let small = |cell: &Cell| matches!(cell, Cell::Count(n) if (1..SMALLEST_SHOWN).contains(n));
        let any_small = self.rows.iter().flatten().any(small);
        let mut rows: Vec<Vec<Cell>> = self
            .rows
            .iter()
            .map(|row| row.iter().map(|c| if small(c) { Cell::Hidden } else { c.clone() }).collect())
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let shown_count = |cell: &Cell| matches!(cell, Cell::Count(n) if *n > 0);
        loop {
            let mut more = false;
            for row in rows.iter_mut().filter(|row| row.contains(&Cell::Hidden)) {
                for cell in row.iter_mut().filter(|c| shown_count(c) || matches!(c, Cell::Percent(_))) {
                    (*cell, more) = (Cell::Hidden, more || shown_count(cell));
                }
            }
            for column in 1..width {
                let hidden = rows.iter().filter(|row| row.get(column) == Some(&Cell::Hidden)).count();
                let smallest =
                    rows.iter_mut().filter_map(|row| row.get_mut(column)).filter(|cell| shown_count(cell)).min_by_key(
                        |cell| match cell {
                            Cell::Count(n) => *n,
                            _ => u32::MAX,
                        },
                    );
                if let (1, Some(cell)) = (hidden, smallest) {
                    (*cell, more) = (Cell::Hidden, true);
                }
            }
            if !more {
                break;
            }
        }
        for cell in rows.iter_mut().flatten().filter(|c| matches!(c, Cell::Days(_))) {
            if any_small {
                *cell = Cell::Hidden;
            }
        }
        Self { rows, ..self.clone() }
    }

    /// The table as CSV: RFC 4180 (comma-separated, CRLF line ends, a field quoted when it
    /// holds a comma, a quote or a line break, its quotes doubled), UTF-8 with a byte-order mark
    /// so Excel reads accents right. Numbers are written plainly ("1072", "116.5").
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("\u{feff}");
        let mut line = |fields: Vec<String>| {
            csv.push_str(&fields.iter().map(|f| quoted(f)).collect::<Vec<_>>().join(","));
            csv.push_str("\r\n");
        };
        line(self.head.iter().map(|h| Cell::text(h.as_str()).in_file()).collect());
        for row in &self.rows {
            line(row.iter().map(Cell::in_file).collect());
        }
        csv
    }
}

impl Cell {
    /// As a CSV file writes it: a text a spreadsheet would run as a formula (starting with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return) is kept as text behind an apostrophe,
    /// as OWASP advises, so a name typed by anyone cannot run when the file is opened.
    fn in_file(&self) -> String {
        match self {
            Self::Text(text) if text.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{text}"),
            other => other.plain(),
        }
    }

    /// As a file writes it: numbers plainly, with a dot for decimals.
    pub fn plain(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Count(n) | Self::Percent(n) => n.to_string(),
            Self::Days(days) => tidy(*days),
            Self::Day(day) => day.to_string(),
            Self::Empty => String::new(),
            Self::Hidden => format!("<{SMALLEST_SHOWN}"),
        }
    }
}

/// One decimal place, none when it is whole.
pub fn tidy(days: f64) -> String {
    let rounded = (days * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table { id: "t", title: "T".into(), head: vec!["Name".into(), "Cases".into(), "Share".into()], rows }
    }

    #[test]
    fn csv_is_rfc_4180_with_accents_kept() {
        let t = table(vec![
            vec![Cell::text("Réunification, famille"), Cell::Count(1072), Cell::Percent(63)],
            vec![Cell::text("Said \"no\"\nthen yes"), Cell::Days(116.5), Cell::Empty],
        ]);
        assert_eq!(
            t.to_csv(),
            "\u{feff}Name,Cases,Share\r\n\"Réunification, famille\",1072,63\r\n\"Said \"\"no\"\"\nthen yes\",116.5,\r\n"
        );
    }

    #[test]
    fn small_counts_and_what_they_make_are_hidden_zero_stays() {
        let t = table(vec![
            vec![Cell::text("A"), Cell::Count(3), Cell::Percent(60)],
            vec![Cell::text("B"), Cell::Count(0), Cell::Percent(0)],
            vec![Cell::text("C"), Cell::Count(12), Cell::Percent(40)],
        ]);
        let hidden = t.suppressed();
        assert_eq!(hidden.rows[0], [Cell::text("A"), Cell::Hidden, Cell::Hidden]);
        assert_eq!(hidden.rows[1], t.rows[1]);
        assert_eq!(hidden.rows[2], [Cell::text("C"), Cell::Hidden, Cell::Hidden], "the column's sum would give A back");
        assert!(hidden.to_csv().contains("A,<5,<5\r\n"));
        let time =
            table(vec![vec![Cell::text("Placements"), Cell::Count(2)], vec![Cell::text("Median"), Cell::Days(95.5)]]);
        assert_eq!(time.suppressed().rows[1][1], Cell::Hidden, "the days of two placements tell each one");
        assert_eq!((tidy(116.0), tidy(95.25), tidy(0.04)), ("116".into(), "95.3".into(), "0".into()));
    }

    #[test]
    fn no_total_gives_a_hidden_count_back() {
        let head = vec!["Pathway".into(), "Draft".into(), "Active".into(), "Total".into()];
        let t = Table {
            id: "caseload",
            title: "T".into(),
            head,
            rows: vec![
                vec![Cell::text("Kinship"), Cell::Count(3), Cell::Count(20), Cell::Count(23)],
                vec![Cell::text("Foster"), Cell::Count(0), Cell::Count(7), Cell::Count(7)],
                vec![Cell::text("Reunification"), Cell::Count(9), Cell::Count(30), Cell::Count(39)],
            ],
        };
        let hidden = t.suppressed();
        // The row's total less the active ones would give the 3 back, so both go; the column of
        // drafts would give it back from the other counts' sum, so the smallest other one goes.
        assert_eq!(hidden.rows[0], [Cell::text("Kinship"), Cell::Hidden, Cell::Hidden, Cell::Hidden]);
        // The column of active cases would give the 20 back from its sum: its smallest other goes.
        assert_eq!(hidden.rows[1], [Cell::text("Foster"), Cell::Count(0), Cell::Hidden, Cell::Hidden], "zero stays");
        assert_eq!(hidden.rows[2], [Cell::text("Reunification"), Cell::Hidden, Cell::Hidden, Cell::Hidden]);
        for column in 1..4 {
            let hidden_in = hidden.rows.iter().filter(|r| r[column] == Cell::Hidden).count();
            assert_ne!(hidden_in, 1, "column {column} has one hidden count, which its sum would give back");
        }
    }

    #[test]
    fn a_text_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        let t = table(vec![
            vec![Cell::text("=HYPERLINK(\"http://x\",\"Ana\")"), Cell::Count(5), Cell::Empty],
            vec![Cell::text("+1"), Cell::Count(6), Cell::Empty],
            vec![Cell::text("-2"), Cell::Count(7), Cell::Empty],
            vec![Cell::text("@SUM(A1)"), Cell::Count(8), Cell::Empty],
            vec![Cell::text("Ana = Bea"), Cell::Count(9), Cell::Empty],
        ]);
        let csv = t.to_csv();
        let lines: Vec<&str> = csv.split("\r\n").skip(1).collect();
        assert_eq!(lines[0], "\"'=HYPERLINK(\"\"http://x\"\",\"\"Ana\"\")\",5,");
        assert_eq!(&lines[1..5], ["'+1,6,", "'-2,7,", "'@SUM(A1),8,", "Ana = Bea,9,"]);
    }
}
