import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// As the README says: Vue is told which tags are custom elements.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('policy-') } } })],
});
