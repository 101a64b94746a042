// A Vue 3 app hosting widgets through the README's component (`readme:vue`, extracted and
// bundled by tests/e2e/frameworks.spec.mjs, with Vue's in-browser template compiler): a keyed
// list the test re-renders, reorders, edits and unmounts through window.__app, and an in-app
// router fed by the component's `navigate` event.
import { createApp, nextTick, reactive } from "vue";
import { NewsStory, isCustomElement } from "readme:vue";

const state = reactive({ items: window.__initialItems, renders: 0, route: "home" });
const app = createApp({
  components: { NewsStory },
  setup: () => ({ state }),
  template: `
    <main>
      <p id="route">{{ state.route }}</p>
      <p id="renders">{{ state.renders }}</p>
      <ul>
        <li v-for="item in state.items" :key="item.key" :data-key="item.key">
          <NewsStory :src="item.src" :article="item.article" @navigate="(url) => (state.route = url)" />
        </li>
      </ul>
    </main>`,
});
app.config.compilerOptions.isCustomElement = isCustomElement;
app.mount("#app");

window.__app = {
  mounted: true,
  setItems: async (update) => {
    state.items = update(state.items);
    await nextTick();
  },
  // A parent re-render that changes nothing the widgets see.
  rerender: async () => {
    state.renders++;
    await nextTick();
  },
  unmount: () => app.unmount(),
};
