// Starts the wasm app. An external file (not inline) so the CSP needs no script hashes.
//
// An entry page arrives with its first screen in the HTML (`#bp-app`, pre-rendered at build
// time) and marked `data-start="on-use"`: its primary action is a real link, so the app is
// fetched only when the visitor needs it — at once if a session or a chosen language says
// the first screen is not theirs, else at the first touch of a control that is not a link.
// A button pressed before the app is there is held (busy) and pressed again by the app
// once it has taken over (`take_over.rs` reads `data-replay`), with what was typed — but a
// form with an `action` (the customer-portal login) is posted by the browser itself.
const root = document.getElementById('bp-app');
let started = false;

// Nynorsk and English are not in the wasm: the chosen one's texts (`/lang/nn.txt`) are
// fetched beside the app, and the app's own request for them gets this response.
const language = (() => {
  try { return localStorage.getItem('bp-lang') ?? 'nb'; } catch { return 'nb'; }
})();
const ownLanguage = language === 'nn' || language === 'en';

function start() {
  if (started) return;
  started = true;
  if (ownLanguage) {
    document.head.append(Object.assign(document.createElement('link'),
      { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: `/lang/${language}.txt` }));
  }
  import('/pkg/app.js').then(app => app.default({ module_or_path: '/pkg/app_bg.wasm' }));
}

const signedIn = document.cookie.split(';').some(c => c.trim().startsWith('bp_signed_in='));

if (!root) {
  start();
} else {
  const live = () => root.hasAttribute('data-live') || !root.isConnected;
  const control = target => target instanceof Element && !target.closest('a[href]')
    && target.closest('button, input, select, textarea, summary, label');
  const use = e => { if (control(e.target)) start(); };
  for (const type of ['pointerdown', 'focusin', 'keydown']) {
    document.addEventListener(type, use, { capture: true, passive: true });
  }
  document.addEventListener('click', e => {
    const button = e.target instanceof Element && e.target.closest('button');
    if (live() || !button || !root.contains(button)) return;
    // A form the server takes as it is (the login's), filled in, goes at once, natively;
    // where the page was asked to lead afterwards goes with it. Left empty, the app says
    // which fields are missing, at the fields.
    const form = button.type === 'submit' ? button.form : null;
    const filled = form && [...form.querySelectorAll('[aria-required=true]')].every(i => i.value.trim());
    if (form?.hasAttribute('action') && filled) {
      const back = new URLSearchParams(location.search).get('tilbake');
      if (back) form.action = `${form.getAttribute('action')}?tilbake=${encodeURIComponent(back)}`;
      // The username comes back to the field if the server says no (never the password).
      try { sessionStorage.setItem('bp-login-username', form.elements['f-username']?.value ?? ''); } catch {}
      button.setAttribute('aria-busy', 'true');
      return;
    }
    e.preventDefault();
    root.setAttribute('data-replay', String([...root.querySelectorAll('button')].indexOf(button)));
    button.setAttribute('aria-busy', 'true');
    start();
  }, { capture: true });
  // Sent back by the server after such a form: the page goes on from where it was.
  const resumed = /[?&](steg|feil)=/.test(location.search);
  if (root.dataset.start !== 'on-use' || signedIn || ownLanguage || resumed) start();
}
