// The one IPC channel between the renderer and the main process. Shared by the preload and main.
export const CALL_CHANNEL = 'acogida:call';
