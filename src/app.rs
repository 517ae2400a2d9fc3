use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <h1>"Homeward"</h1> }
}
