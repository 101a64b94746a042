//! The reader's text size: seven steps, no wrap-around (SPEC §3, WCAG technique G178).

/// The size factors, smallest first; step 1 (100%) is the default.
pub const SCALES: [f32; 7] = [0.875, 1.0, 1.125, 1.25, 1.5, 1.75, 2.0];

/// The same factors as CSS values and as percentages for announcements. Written out rather than
/// formatted so the wasm carries no float-formatting code (~15 KB).
const CSS_VALUES: [&str; 7] = ["0.875", "1", "1.125", "1.25", "1.5", "1.75", "2"];
const PERCENT_LABELS: [&str; 7] = ["87.5%", "100%", "112.5%", "125%", "150%", "175%", "200%"];

/// One of the seven text sizes, by its index in [`SCALES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSize(u8);

const DEFAULT_STEP: u8 = 1;
const LAST_STEP: u8 = SCALES.len() as u8 - 1;

impl Default for TextSize {
    fn default() -> Self {
        TextSize(DEFAULT_STEP)
    }
}

impl TextSize {
    /// The size at `step`, if it is one of the seven.
    pub fn from_step(step: u8) -> Option<Self> {
        (step <= LAST_STEP).then_some(TextSize(step))
    }

    /// Reads a stored preference; anything but a valid step is ignored.
    pub fn from_stored(value: &str) -> Option<Self> {
        value.trim().parse().ok().and_then(Self::from_step)
    }

    /// The index 0–6, as the `news-widget:fontsize` event reports it.
    pub fn step(self) -> u8 {
        self.0
    }

    /// The factor applied to the base size.
    pub fn scale(self) -> f32 {
        SCALES[usize::from(self.0)]
    }

    /// The factor as a CSS number, for the `--nw-scale` custom property.
    pub fn css_value(self) -> &'static str {
        CSS_VALUES[usize::from(self.0)]
    }

    /// The factor as a percentage, for announcements ("125%").
    pub fn percent_label(self) -> &'static str {
        PERCENT_LABELS[usize::from(self.0)]
    }

    /// One step smaller, staying at the smallest.
    pub fn smaller(self) -> Self {
        TextSize(self.0.saturating_sub(1))
    }

    /// One step larger, staying at the largest.
    pub fn larger(self) -> Self {
        TextSize((self.0 + 1).min(LAST_STEP))
    }

    /// Whether `A-` can do anything.
    pub fn can_shrink(self) -> bool {
        self.0 > 0
    }

    /// Whether `A+` can do anything.
    pub fn can_grow(self) -> bool {
        self.0 < LAST_STEP
    }

    /// Whether this is the default 100%.
    pub fn is_default(self) -> bool {
        self.0 == DEFAULT_STEP
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_100_percent() {
        assert_eq!(TextSize::default().scale(), 1.0);
        assert_eq!(TextSize::default().step(), 1);
        assert!(TextSize::default().is_default());
    }

    #[test]
    fn larger_walks_up_to_200_percent_and_stops() {
        let mut size = TextSize::default();
        let mut seen = vec![size.percent_label()];
        while size.can_grow() {
            size = size.larger();
            seen.push(size.percent_label());
        }
        assert_eq!(seen, ["100%", "112.5%", "125%", "150%", "175%", "200%"]);
        assert_eq!(size.larger(), size, "no wrap-around at the top");
    }

    #[test]
    fn smaller_walks_down_to_87_5_percent_and_stops() {
        let size = TextSize::default().smaller();
        assert_eq!(size.scale(), 0.875);
        assert!(!size.can_shrink());
        assert_eq!(size.smaller(), size, "no wrap-around at the bottom");
    }

    #[test]
    fn written_out_values_match_the_factors() {
        for (step, scale) in SCALES.iter().enumerate() {
            let size = TextSize::from_step(step as u8).unwrap();
            assert_eq!(size.css_value().parse::<f32>().unwrap(), *scale);
            assert_eq!(size.percent_label(), format!("{}%", scale * 100.0));
        }
    }

    #[test]
    fn stored_values_are_validated() {
        assert_eq!(TextSize::from_stored("4"), TextSize::from_step(4));
        assert_eq!(TextSize::from_stored(" 0 "), TextSize::from_step(0));
        for bad in ["7", "-1", "", "1.5", "large", "999999999999"] {
            assert_eq!(TextSize::from_stored(bad), None, "{bad:?}");
        }
    }
}
