//! The whole report as an `.xlsx` workbook: a first sheet saying what it is (period, filters,
//! the day it was made, whether small counts are hidden), then one sheet per table, numbers kept
//! as numbers. Written by rust_xlsxwriter.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::table::{Cell, Table};

/// A sheet's table with the sheet's name (at most 31 characters, as Excel allows).
pub struct Sheet<'a> {
    pub name: String,
    pub table: &'a Table,
}

/// The workbook's bytes; `about` is the first sheet's lines, each a label and its value.
pub fn workbook(
    made_on: NaiveDate,
    about_name: &str,
    about: &[(String, String)],
    sheets: &[Sheet],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // Given, not read from the clock, which a browser's wasm has no direct access to.
    let made = ExcelDateTime::from_ymd(made_on.year() as u16, made_on.month() as u8, made_on.day() as u8)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&made));
    let bold = Format::new().set_bold();
    let first = book.add_worksheet().set_name(sheet_name(about_name))?;
    for (row, (label, value)) in about.iter().enumerate() {
        first.write_string_with_format(row as u32, 0, label, &bold)?;
        first.write_string(row as u32, 1, value)?;
    }
    first.set_column_width(0, 28)?;
    first.set_column_width(1, 48)?;
    for sheet in sheets {
        let table = sheet.table;
        let ws = book.add_worksheet().set_name(sheet_name(&sheet.name))?;
        for (column, head) in table.head.iter().enumerate() {
            ws.write_string_with_format(0, column as u16, head, &bold)?;
        }
        for (row, cells) in table.rows.iter().enumerate() {
            let row = row as u32 + 1;
            for (column, cell) in cells.iter().enumerate() {
                let column = column as u16;
                match cell {
                    Cell::Count(n) | Cell::Percent(n) => drop(ws.write_number(row, column, f64::from(*n))?),
                    Cell::Days(days) => drop(ws.write_number(row, column, (days * 10.0).round() / 10.0)?),
                    Cell::Empty => {}
                    other => drop(ws.write_string(row, column, other.plain())?),
                }
            }
        }
        ws.set_column_width(0, 40)?;
        for column in 1..table.head.len() {
            ws.set_column_width(column as u16, 14)?;
        }
    }
    book.save_to_buffer()
}

/// A name Excel accepts: no `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str) -> String {
    name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_is_a_zip_of_sheets_with_the_tables() {
        let table = Table {
            id: "caseload",
            title: "Open cases".into(),
            head: vec!["Pathway".into(), "Cases".into()],
            rows: vec![vec![Cell::text("Réunification"), Cell::Count(12)], vec![Cell::text("Kinship"), Cell::Hidden]],
        };
        let about = [("Period".to_string(), "1 Jul 2026 – 30 Sept 2026".to_string())];
        let sheets = [Sheet { name: "Caseload: open [now]? by pathway, a very long name".into(), table: &table }];
        let bytes = workbook("2026-12-07".parse().unwrap(), "About", &about, &sheets).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert_eq!(sheet_name("Caseload: open [now]? by pathway, a very long name"), "Caseload open now by pathway, a");
    }
}
