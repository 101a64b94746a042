// A React 19 app hosting widgets through the README's component (`readme:react`, extracted and
// bundled by tests/e2e/frameworks.spec.mjs): a keyed list the test re-renders, reorders, edits
// and unmounts through window.__app, and an in-app router fed by news-widget:navigate.
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { NewsStory } from "readme:react";

function App({ initial }) {
  const [items, setItems] = useState(initial);
  const [renders, setRenders] = useState(0);
  const [route, setRoute] = useState("home");
  window.__app.setItems = (update) => flushSync(() => setItems(update));
  window.__app.rerender = () => flushSync(() => setRenders((n) => n + 1));
  return (
    <main>
      <p id="route">{route}</p>
      <p id="renders">{renders}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key} data-key={item.key}>
            <NewsStory src={item.src} article={item.article} navigate={setRoute} />
          </li>
        ))}
      </ul>
    </main>
  );
}

const root = createRoot(document.getElementById("app"));
window.__app = { unmount: () => root.unmount() };
flushSync(() => root.render(<App initial={window.__initialItems} />));
window.__app.mounted = true;
