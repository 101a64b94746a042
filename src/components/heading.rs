use leptos::prelude::*;

/// A heading (`h1`–`h6`) at the level the host's outline needs: a new level makes a heading of
/// the new rank around the same content, whose own reactive parts carry on.
#[component]
pub fn Heading(
    /// The tag, `"h1"` to `"h6"` ([`crate::attributes::HeadingLevel`]).
    #[prop(into)]
    tag: Signal<&'static str>,
    /// Its class.
    class: &'static str,
    /// Its `part`, if it is one of SPEC's.
    #[prop(optional)]
    part: Option<&'static str>,
    /// Its `id`, if something refers to it (`aria-labelledby`).
    #[prop(optional)]
    id: Option<&'static str>,
    /// What it says.
    children: ChildrenFn,
) -> impl IntoView {
    move || {
        let content = children();
        match tag.get() {
            "h1" => view! { <h1 class=class part=part id=id>{content}</h1> }.into_any(),
            "h2" => view! { <h2 class=class part=part id=id>{content}</h2> }.into_any(),
            "h3" => view! { <h3 class=class part=part id=id>{content}</h3> }.into_any(),
            "h4" => view! { <h4 class=class part=part id=id>{content}</h4> }.into_any(),
            "h5" => view! { <h5 class=class part=part id=id>{content}</h5> }.into_any(),
            _ => view! { <h6 class=class part=part id=id>{content}</h6> }.into_any(),
        }
    }
}
