// The sandboxed preload: exposes window.acogida.call(name, input) and nothing else.
// The renderer never sees ipcRenderer, Node or Electron; every call is checked in main.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL } from './channel';

contextBridge.exposeInMainWorld('acogida', {
  call: (name: string, input?: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, name, input),
});
