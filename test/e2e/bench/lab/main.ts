// The timeline lab: Timeline and VideoPreview mounted alone, driven by window.__lab, for the
// benchmark (synthetic 2-hour peaks, 10,000 cues) and for component tests before/beside the app.
import { mount } from 'svelte';
import Lab from './Lab.svelte';

const target = document.getElementById('lab');
if (!target) throw new Error('lab: #lab missing');
mount(Lab, { target });
