//! From the raw serde shapes to the checked model, collecting every
//! violation of DATA-SCHEMA.md in the file.
//!
//! One module per group of rules, in the order they may depend on each
//! other (each uses only those before it, never this file):
//!
//! 1. `common`: the diagnostics context, positions, single-value checks.
//! 2. `header`: `title`, `short_title`, `source`, `status`, `total`.
//! 3. `scale`: `scale` and `bands`.
//! 4. `fields`: field sets, and `sum_of_fields` needing some.
//! 5. `units`: keys, names and slugs; then `life`: `since`, `until`,
//!    `formed_from`, `succeeded_by`, `lineage:`.
//! 6. `scores`: one year's scores, totals, field values and sums.
//! 7. `ranks`: one year's ranks, derived or published.
//! 8. `years`: `results`, each year with its fields, scores and ranks.
//!
//! This file runs the groups in the order of the schema and assembles the
//! [`Dataset`].

mod common;
mod fields;
mod header;
mod life;
mod ranks;
mod scale;
mod scores;
mod units;
mod years;

use crate::data::dataset::Dataset;
use crate::data::raw::RawDataset;
use crate::diag::Diagnostics;
use common::{Ctx, TOP, optional_text};
use std::path::Path;

/// Check `raw`, the dataset of `file` with slug `slug`: the model, or
/// every violation found.
pub(super) fn validate(raw: RawDataset, slug: &str, file: &Path) -> Result<Dataset, Diagnostics> {
    let mut cx = Ctx::new(file);
    let title = header::title(&mut cx, raw.title);
    let short_title = header::short_title(&mut cx, raw.short_title);
    let description = optional_text(raw.description);
    let sources = header::sources(&mut cx, raw.source);
    let status = header::status(&mut cx, raw.status);
    let scale = scale::scale(&mut cx, raw.scale);
    let total_mode = header::total_mode(&mut cx, raw.total.as_ref());
    let bands = scale::bands(&mut cx, raw.bands.unwrap_or_default(), scale.as_ref());
    let fields = fields::field_set(&mut cx, raw.fields.unwrap_or_default(), TOP);
    let mut units = units::units(&mut cx, raw.units);
    let lineage = life::lives(&mut cx, &mut units, raw.lineage);
    let ctx = years::YearCtx {
        units: &units,
        default_fields: &fields,
        scale: scale.as_ref(),
        total_mode,
    };
    let years = years::results(&mut cx, raw.results, &ctx);
    fields::check_sum_has_fields(&mut cx, raw.total.as_ref(), total_mode, &fields, &years);

    if cx.diags.has_errors() {
        return Err(cx.diags);
    }
    let Some(scale) = scale else {
        return Err(cx.diags);
    };
    Ok(Dataset {
        slug: slug.to_string(),
        file: file.to_path_buf(),
        title: title.unwrap_or_default(),
        short_title,
        description,
        sources,
        status,
        scale,
        total_mode,
        bands,
        fields,
        units: units.units,
        years,
        lineage,
    })
}
