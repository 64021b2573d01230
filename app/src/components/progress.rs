//! The five-step progress list of "Skjema og avtaler" (SPEC §3): always visible, the
//! current step's content inside it, finished steps ticked.

use common::i18n::t;
use leptos::prelude::*;

use crate::i18n::tr;

/// One step's state.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    Upcoming,
}

/// One step in the list: number, title, tick when done, and its content when current.
#[component]
pub fn ProgressStep(
    step: common::Step,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] state: Signal<StepState>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let number = step.number();
    let current = move || state.get() == StepState::Current;
    let done = move || state.get() == StepState::Done;
    view! {
        <li class="bp-step" class:bp-step--current=current class:bp-step--done=done
            aria-current=move || current().then_some("step")>
            <h2 class="ds-heading bp-step__title" data-size="xs" id=format!("step-{number}") tabindex="-1">
                <span class="bp-step__number" aria-hidden="true">{number}</span>
                <span>{move || title.get()}</span>
                <Show when=done>
                    <span class="bp-step__tick" aria-hidden="true">" ✓"</span>
                    <span class="ds-sr-only">{move || format!(" ({})", tr(t::STEP_DONE)())}</span>
                </Show>
            </h2>
            {move || (current() && children.is_some()).then(|| view! {
                <div class="bp-step__body">{children.as_ref().map(|c| c())}</div>
            })}
        </li>
    }
}
