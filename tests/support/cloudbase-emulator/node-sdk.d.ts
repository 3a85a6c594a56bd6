/** The one class of @cloudbase/node-sdk (under wx-server-sdk) the emulator replaces. */
declare module '@cloudbase/node-sdk/dist/utils/tcbdbapirequester' {
  export class TcbDBApiHttpRequester {
    constructor(config: { envName?: string | symbol });
    config: { envName?: string | symbol };
    send(action: string, params?: Record<string, unknown>): Promise<unknown>;
  }
}
