export function electronBinaryPath(): string | null;
export const NO_ELECTRON_MESSAGE: string;
