import { createApp } from 'vue';
import 'policy-explainer/define';
import App from './App.vue';

createApp(App).mount('#app');
