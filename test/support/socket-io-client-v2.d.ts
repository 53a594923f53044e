/** The few parts of socket.io-client 2.x (installed as `socket.io-client-v2`) the tests use. */
declare module 'socket.io-client-v2' {
  interface SocketV2 {
    readonly connected: boolean;
    on(event: string, listener: (...args: never[]) => void): SocketV2;
    once(event: string, listener: (...args: never[]) => void): SocketV2;
    emit(event: string, ...args: unknown[]): SocketV2;
    close(): SocketV2;
  }
  interface ConnectOptsV2 {
    path?: string;
    transports?: string[];
    query?: Record<string, string>;
    reconnection?: boolean;
    forceNew?: boolean;
    timeout?: number;
  }
  function io(uri: string, opts?: ConnectOptsV2): SocketV2;
  namespace io {
    export type Socket = SocketV2;
  }
  export default io;
}
