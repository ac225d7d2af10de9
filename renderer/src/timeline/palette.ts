// Timeline colours for the light and dark themes (the canvas can't read CSS custom properties per
// draw cheaply, so the component picks a palette when the OS theme changes).

export interface Palette {
  background: string;
  ruler: string;
  rulerText: string;
  tick: string;
  wave: string;
  waveLoading: string;
  cue: string;
  cueBorder: string;
  cueText: string;
  cueSelected: string;
  cueSelectedBorder: string;
  warning: string;
  error: string;
  shot: string;
  playhead: string;
  create: string;
  loop: string;
}

export const LIGHT: Palette = {
  background: '#f6f7f9',
  ruler: '#e9ebef',
  rulerText: '#3b4150',
  tick: '#9aa1ae',
  wave: '#5b7fb8',
  waveLoading: '#c9d3e3',
  cue: '#dfe7f5',
  cueBorder: '#7d93b8',
  cueText: '#1d2330',
  cueSelected: '#b9d0ff',
  cueSelectedBorder: '#1f5fd6',
  warning: '#f5c451',
  error: '#e5534b',
  shot: '#8a4fd1',
  playhead: '#d7263d',
  create: '#1f5fd6',
  loop: 'rgba(31, 95, 214, 0.12)',
};

export const DARK: Palette = {
  background: '#16181d',
  ruler: '#1f2229',
  rulerText: '#c4c9d4',
  tick: '#5d6472',
  wave: '#7fa3e0',
  waveLoading: '#2d3440',
  cue: '#2a3345',
  cueBorder: '#5a6e94',
  cueText: '#e8ecf3',
  cueSelected: '#2f4f8f',
  cueSelectedBorder: '#8cb4ff',
  warning: '#d9a521',
  error: '#f0706a',
  shot: '#b98bf0',
  playhead: '#ff5a6e',
  create: '#8cb4ff',
  loop: 'rgba(140, 180, 255, 0.12)',
};
