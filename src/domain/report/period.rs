//! The period a report covers, the ones people report on, and the days its charts over time
//! are drawn at.

use chrono::{Datelike, Days, Months, NaiveDate};

/// From the first day to the last, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The periods offered before "custom".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    ThisYear,
    LastYear,
}

impl Preset {
    pub const ALL: [Self; 6] =
        [Self::ThisMonth, Self::LastMonth, Self::ThisQuarter, Self::LastQuarter, Self::ThisYear, Self::LastYear];

    pub fn key(self) -> &'static str {
        match self {
            Self::ThisMonth => "this_month",
            Self::LastMonth => "last_month",
            Self::ThisQuarter => "this_quarter",
            Self::LastQuarter => "last_quarter",
            Self::ThisYear => "this_year",
            Self::LastYear => "last_year",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The period around `today`.
    pub fn period(self, today: NaiveDate) -> Period {
        let month = first_of_month(today);
        let quarter = month - Months::new(month.month0() % 3);
        let year = month - Months::new(month.month0());
        let (from, months) = match self {
            Self::ThisMonth => (month, 1),
            Self::LastMonth => (month - Months::new(1), 1),
            Self::ThisQuarter => (quarter, 3),
            Self::LastQuarter => (quarter - Months::new(3), 3),
            Self::ThisYear => (year, 12),
            Self::LastYear => (year - Months::new(12), 12),
        };
        Period { from, to: from + Months::new(months) - Days::new(1) }
    }
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

impl Period {
    /// Whether `today` is in the period or past its first day: a period not begun has nothing
    /// to count yet.
    pub fn begun(&self, today: NaiveDate) -> bool {
        self.from <= today
    }

    /// A custom period; none when it ends before it begins.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Self> {
        (from <= to).then_some(Self { from, to })
    }

    /// The days a chart over time shows, ending on `as_of`: each week's last day for a period
    /// of two months or less, each month's for up to two years, each quarter's for up to ten,
    /// and beyond, the last day of every so many years that there are at most forty (a date
    /// field reports its year while it is typed: 0002, 0020, 0202).
    pub fn points(&self, as_of: NaiveDate) -> Vec<NaiveDate> {
        let end = self.to.min(as_of);
        if end < self.from {
            return Vec::new();
        }
        let mut points = Vec::new();
        if (end - self.from).num_days() <= 62 {
            let mut day = self.from + Days::new(6);
            while day < end {
                points.push(day);
                day = day + Days::new(7);
            }
        } else {
            let years = end.year() - self.from.year() + 1;
            let days = (end - self.from).num_days();
            let step = if days <= 731 {
                1
            } else if days <= 3653 {
                3
            } else {
                12 * (years.max(1) as u32).div_ceil(40)
            };
            let mut start = first_of_month(self.from);
            start = start - Months::new(start.month0() % step.min(12));
            loop {
                start = start + Months::new(step);
                let last = start - Days::new(1);
                if last >= end {
                    break;
                }
                points.push(last);
            }
        }
        points.push(end);
        points
    }
}
