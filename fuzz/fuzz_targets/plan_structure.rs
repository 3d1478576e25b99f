//! A plan's structure as imported from a workbook: the checks (references, parents, kinds,
//! cycles, budget rows) must end and name problems without panicking, and the parents-first
//! order must keep every row; iCalendar folding must keep lines within 75 octets. Each input
//! line is `reference,kind,parent,title` or `reference,$,year,source,amount` for a budget row.
#![no_main]

use libfuzzer_sys::fuzz_target;
use souhra_core::plan::{ElementKind, FundingSource, parse_amount};
use souhra_core::plan_import::{BudgetRow, StructureRow, check, parents_first};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut rows = Vec::new();
    let mut budget = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut field = line.split(',');
        let reference = field.next().unwrap_or_default().to_owned();
        let kind = field.next().unwrap_or_default();
        let line = u64::try_from(n).unwrap_or(u64::MAX).saturating_add(2);
        if kind == "$" {
            let year = field.next().unwrap_or_default();
            let source = field.next().unwrap_or_default();
            let amount = field.next().unwrap_or_default();
            budget.push(BudgetRow {
                line,
                reference,
                year: year.parse().map_err(|_| year.to_owned()),
                source: FundingSource::from_key(source).map_err(|_| source.to_owned()),
                amount: parse_amount(amount).map_err(|_| amount.to_owned()),
            });
        } else {
            rows.push(StructureRow {
                line,
                reference,
                kind: ElementKind::from_key(kind).map_err(|_| kind.to_owned()),
                parent: field.next().map(str::to_owned),
                title: field.next().unwrap_or_default().to_owned(),
                start: Ok(None),
                end: Ok(None),
                unknown_groups: Vec::new(),
            });
        }
    }
    let problems = check(&rows, &budget);
    assert!(problems.len() <= (rows.len() + budget.len()) * 8);
    assert_eq!(parents_first(&rows).len(), rows.len());
    let folded = souhra_core::ical::fold(&souhra_core::ical::escape(&text));
    assert!(folded.split("\r\n").all(|l| l.len() <= 75));
});
