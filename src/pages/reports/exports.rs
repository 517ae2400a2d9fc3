//! The report's files: each table as CSV, the whole report as an `.xlsx` workbook, the
//! case-level CSV (after a warning: it is plaintext about children), and the printed report.
//! Counts under five are hidden in the aggregate files unless the person chooses otherwise.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::figures::figures;
use super::files::{save, span, use_files, CSV, XLSX};
use crate::components::alert::Alert;
use crate::components::confirm::ConfirmDialog;
use crate::crypto_workers::Failure;
use crate::domain::report::{case_table, workbook, Filter, ReportRecord, Sheet, Table};
use crate::i18n::{date, number, t, t_string, td_plural, td_string, use_i18n, Locale};
use crate::vocabulary::InWords;

fn sheet_name(l: Locale, id: &str) -> &'static str {
    match id {
        "caseload" => td_string!(l, reports.sheet_caseload),
        "stages" => td_string!(l, reports.sheet_stages),
        "settings" => td_string!(l, reports.sheet_settings),
        "milestones" => td_string!(l, reports.sheet_milestones),
        "outcomes" => td_string!(l, reports.sheet_outcomes),
        "time" => td_string!(l, reports.sheet_time),
        "visits" => td_string!(l, reports.sheet_visits),
        "overdue" => td_string!(l, reports.sheet_overdue),
        "urgent" => td_string!(l, reports.sheet_urgent),
        "referrals" => td_string!(l, reports.sheet_referrals),
        _ => td_string!(l, reports.sheet_themes),
    }
}

/// What the filters chose, in words, for the workbook and the printed report.
pub struct Chosen {
    pub worker: String,
    pub pathway: String,
}

fn save_workbook(files: super::files::Files, l: Locale, chosen: &Chosen, today: NaiveDate) {
    let Some(report) = files.report.get_untracked() else { return };
    let hide = files.hide_small.get_untracked();
    let tables: Vec<Table> =
        figures(l, &report).into_iter().map(|f| if hide { f.table.suppressed() } else { f.table }).collect();
    let sheets: Vec<Sheet> =
        tables.iter().map(|table| Sheet { name: sheet_name(l, table.id).to_string(), table }).collect();
    let about = [
        (td_string!(l, reports.about_title).to_string(), td_string!(l, reports.title).to_string()),
        (
            td_string!(l, reports.about_period).to_string(),
            format!("{} – {}", date(l, report.period.from), date(l, report.period.to)),
        ),
        (td_string!(l, reports.about_as_of).to_string(), date(l, report.as_of)),
        (td_string!(l, reports.worker).to_string(), chosen.worker.clone()),
        (td_string!(l, reports.pathway).to_string(), chosen.pathway.clone()),
        (td_string!(l, reports.about_cases).to_string(), number(l, f64::from(report.cases))),
        (
            td_string!(l, reports.about_hidden).to_string(),
            if hide { td_string!(l, reports.hidden_yes) } else { td_string!(l, reports.hidden_no) }.to_string(),
        ),
        (td_string!(l, reports.about_made).to_string(), date(l, today)),
    ];
    let made = workbook(today, td_string!(l, reports.sheet_about), &about, &sheets).map_err(|_| Failure::NotMade);
    let name = format!("homeward-report-{}.xlsx", span(report.period));
    files.failed.set(made.and_then(|bytes| save(&bytes, &name, XLSX)).err());
}

/// The files' controls: small counts hidden or not, the workbook, the case-level CSV behind
/// its warning, and printing.
#[component]
pub fn FileControls(
    records: StoredValue<Vec<ReportRecord>>,
    filter: Memo<Filter>,
    #[prop(into)] chosen: Signal<(String, String)>,
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let files = use_files();
    let warning = RwSignal::new(false);
    let case_count = move || files.report.with(|r| r.as_ref().map_or(0, |r| r.cases));
    let save_cases = move || {
        let Some(report) = files.report.get_untracked() else { return };
        let table = records.with_value(|r| case_table(r, report.period, &filter.get_untracked(), today));
        let name = format!("homeward-cases-{}.csv", span(report.period));
        files.failed.set(save(table.to_csv().as_bytes(), &name, CSV).err());
    };
    view! {
        <section class="report-files no-print" aria-labelledby="report-files">
            <h2 id="report-files">{t!(i18n, reports.files)}</h2>
            <div class="field checkbox">
                <input
                    type="checkbox"
                    id="report-hide-small"
                    autocomplete="off"
                    aria-describedby="report-hide-small-hint"
                    prop:checked=move || files.hide_small.get()
                    on:change=move |ev| files.hide_small.set(event_target_checked(&ev))
                />
                <label for="report-hide-small">{t!(i18n, reports.hide_small)}</label>
            </div>
            <p class="hint" id="report-hide-small-hint">
                {t!(i18n, reports.hide_small_hint)}
            </p>
            <div class="form-actions">
                <button
                    type="button"
                    on:click=move |_| {
                        let (worker, pathway) = chosen.get_untracked();
                        save_workbook(files, i18n.get_locale_untracked(), &Chosen { worker, pathway }, today);
                    }
                >
                    {t!(i18n, reports.download_workbook)}
                </button>
                <button type="button" on:click=move |_| warning.set(true)>
                    {t!(i18n, reports.download_cases)}
                </button>
                <button type="button" on:click=move |_| drop(window().print())>
                    {t!(i18n, reports.print)}
                </button>
            </div>
            {move || {
                files
                    .failed
                    .get()
                    .map(|reason| {
                        view! {
                            <Alert text=Signal::derive(move || {
                                let l = i18n.get_locale();
                                td_string!(l, reports.file_failed, reason = reason.in_words(l)).to_string()
                            }) />
                        }
                    })
            }}
            <ConfirmDialog
                open=warning
                title=Signal::derive(move || t_string!(i18n, reports.cases_warning_title).to_string())
                message=Signal::derive(move || {
                    let l = i18n.get_locale();
                    td_plural!(
                        l, case_count(), reports.cases_warning_one | reports.cases_warning_many, count = number(l, f64::from(case_count()))
                    )
                })
                confirm_label=Signal::derive(move || t_string!(i18n, reports.cases_confirm).to_string())
                on_confirm=Callback::new(move |_| save_cases())
            />
        </section>
    }
}
