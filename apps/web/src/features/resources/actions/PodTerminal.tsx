import { useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { ClusterRef, ExecServerMessage } from '@wheelhouse/contract';
import { podExecUrl } from '../../../api/workloadActions.ts';

/**
 * A terminal on a container (`sh`), over the console's exec WebSocket: keystrokes go out as binary
 * frames, the container's output comes back as binary frames, and a text frame says how it ended.
 * Loaded lazily (xterm is most of this module's weight).
 */
export default function PodTerminal({
  clusterRef,
  namespace,
  pod,
  container,
  onClose,
}: {
  clusterRef: ClusterRef;
  namespace: string;
  pod: string;
  container: string;
  onClose: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState('Connecting…');
  useEffect(() => {
    const dark = document.documentElement.classList.contains('dark');
    const terminal = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontSize: 13,
      rows: 20,
      theme: dark
        ? { background: '#0b0f14', foreground: '#e6edf3' }
        : { background: '#ffffff', foreground: '#1f2328', cursor: '#1f2328' },
    });
    terminal.open(host.current!);
    terminal.focus();
    const socket = new WebSocket(podExecUrl(clusterRef, namespace, pod, container, 'sh'));
    socket.binaryType = 'arraybuffer';
    const encoder = new TextEncoder();
    socket.onopen = () => {
      setState(`Connected to ${container}`);
      socket.send(JSON.stringify({ type: 'resize', cols: terminal.cols, rows: terminal.rows }));
    };
    socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
      if (typeof event.data === 'string') {
        const message = JSON.parse(event.data) as ExecServerMessage;
        setState(
          message.reason
            ? `Closed: ${message.reason}`
            : `The shell exited with code ${message.code ?? 'unknown'}`,
        );
      } else terminal.write(new Uint8Array(event.data));
    };
    socket.onclose = (event) =>
      setState((previous) =>
        previous.startsWith('Connected') || previous === 'Connecting…'
          ? `Disconnected${event.reason ? `: ${event.reason}` : ''}`
          : previous,
      );
    const input = terminal.onData((data) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(encoder.encode(data));
    });
    return () => {
      input.dispose();
      socket.close();
      terminal.dispose();
    };
  }, [clusterRef, namespace, pod, container]);
  return (
    <section aria-label={`Shell in ${pod}`} className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <span role="status" className="text-fg-muted">
          {state}
        </span>
        <button type="button" className="btn-secondary ml-auto h-7 px-2" onClick={onClose}>
          Close shell
        </button>
      </div>
      <div ref={host} data-testid="pod-terminal" className="rounded border border-line p-1" />
    </section>
  );
}
