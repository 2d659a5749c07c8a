// How every store calls window.doctor: a call that cannot reach the main process at all (no
// preload, a closed window) comes back as an error the page can show, never as an exception.
import type { IpcError, Result } from '../../shared/ipc.ts';
import { msg } from '../../shared/i18n/message.ts';

const NO_API: IpcError = {
  message: msg('app.error.no-main'),
  hint: msg('app.error.no-main-hint'),
};

export async function call<T>(promise: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await promise();
  } catch {
    return { ok: false, error: NO_API };
  }
}
