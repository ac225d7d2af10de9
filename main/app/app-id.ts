// The installer's appId (electron-builder.yml `appId`; test/build/packaging.spec.ts checks they
// agree). Windows groups windows and attributes notifications by it.
export const APP_ID = 'app.cueline.desktop';
