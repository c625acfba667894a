//! Lazily loaded parts of the app (code splitting): what a failed load is.
//!
//! Functions marked `#[wasm_split(…, fallible)]` (the views' `…_PART`
//! split points, each beside its component, shown by `views::lazy`; the other formats' readers in `loader`, the last-seen
//! comparison and the conferences note in `state::load`, the check for a
//! newer schedule and taking one in `state::live`, reading and keeping a
//! picked or dropped file in `views::open_schedule`) end up in wasm
//! modules of their own that the build writes beside the main one
//! (`scripts/split.mjs`); calling one fetches its module first, and a fetch
//! that fails (network gone mid-visit) comes back as [`PartMissing`] instead
//! of aborting the app. The loader does not remember a failure, so calling
//! again retries.

use wasm_split_helpers::SplitLoaderError;

/// A lazily loaded part's module could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

impl From<SplitLoaderError> for PartMissing {
    fn from(_: SplitLoaderError) -> Self {
        PartMissing
    }
}
