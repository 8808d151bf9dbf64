// Asks an X11 window to close the way a window manager's close button does:
// a WM_PROTOCOLS / WM_DELETE_WINDOW client message. GTK turns that into a
// delete-event, which Tauri reports as CloseRequested, so the app's
// save-before-close handshake runs exactly as it does for a user.
//
// Why not WebDriver's Close Window? WebKitWebDriver closes the web view
// itself (wry destroys it on WebKit's "close" signal) and the window never
// sees a close request. xdotool 3.2016's `windowclose` destroys the X window
// outright, and `wmctrl -c` needs a window manager, which Xvfb has none of.
//
// This speaks just enough of the X11 protocol over the local socket.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** Display number and screen from $DISPLAY, e.g. ":99" or ":99.0". */
function parseDisplay(display) {
  const m = /^(?:unix)?:(\d+)(?:\.\d+)?$/.exec(display ?? '');
  if (!m) throw new Error(`only a local X display is supported (DISPLAY=${display})`);
  return m[1];
}

/** The MIT-MAGIC-COOKIE-1 for `displayNumber` from $XAUTHORITY, if any. */
function cookieFor(displayNumber, file = process.env.XAUTHORITY) {
  if (!file) return null;
  let buf;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  let at = 0;
  const field = () => {
    const len = buf.readUInt16BE(at + 0);
    const value = buf.subarray(at + 2, at + 2 + len);
    at += 2 + len;
    return value;
  };
  while (at + 2 <= buf.length) {
    at += 2; // family
    field(); // address
    const number = field().toString('latin1');
    const name = field().toString('latin1');
    const data = field();
    if (name === 'MIT-MAGIC-COOKIE-1' && (number === displayNumber || number === '')) {
      return { name, data };
    }
  }
  return null;
}

const pad4 = (n) => (4 - (n % 4)) % 4;

/** A minimal X11 connection: queue requests, read replies in order. */
class X11 {
  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.#pump();
    });
    socket.on('error', (error) => this.#failAll(error));
    socket.on('close', () => this.#failAll(new Error('X server closed the connection')));
  }

  static connect(display = process.env.DISPLAY) {
    const number = parseDisplay(display);
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(`/tmp/.X11-unix/X${number}`);
      socket.once('error', reject);
      socket.once('connect', async () => {
        socket.off('error', reject);
        const x = new X11(socket);
        try {
          await x.#setup(cookieFor(number));
          resolve(x);
        } catch (error) {
          socket.destroy();
          reject(error);
        }
      });
    });
  }

  #failAll(error) {
    for (const w of this.waiters.splice(0)) w.reject(error);
  }

  /** Hands complete messages to waiters: {size(buf) -> bytes needed or null, resolve}. */
  #pump() {
    while (this.waiters.length > 0) {
      const w = this.waiters[0];
      const need = w.size(this.buffer);
      if (need === null || this.buffer.length < need) return;
      const msg = this.buffer.subarray(0, need);
      this.buffer = this.buffer.subarray(need);
      this.waiters.shift();
      w.resolve(msg);
    }
  }

  #expect(size) {
    return new Promise((resolve, reject) => {
      this.waiters.push({ size, resolve, reject });
      this.#pump();
    });
  }

  async #setup(cookie) {
    const name = Buffer.from(cookie?.name ?? '', 'latin1');
    const data = cookie?.data ?? Buffer.alloc(0);
    const head = Buffer.alloc(12);
    head.write('l', 0, 'latin1'); // little-endian
    head.writeUInt16LE(11, 2);
    head.writeUInt16LE(0, 4);
    head.writeUInt16LE(name.length, 6);
    head.writeUInt16LE(data.length, 8);
    this.socket.write(
      Buffer.concat([head, name, Buffer.alloc(pad4(name.length)), data, Buffer.alloc(pad4(data.length))]),
    );
    const reply = await this.#expect((b) => (b.length < 8 ? null : 8 + b.readUInt16LE(6) * 4));
    if (reply[0] !== 1) {
      const reason = reply.subarray(8, 8 + reply[1]).toString('latin1');
      throw new Error(`X server refused the connection: ${reason || `status ${reply[0]}`}`);
    }
  }

  /** Reads the reply (or error) to the last request sent. */
  async #reply() {
    const msg = await this.#expect((b) => {
      if (b.length < 32) return null;
      return b[0] === 1 ? 32 + b.readUInt32LE(4) * 4 : 32;
    });
    if (msg[0] === 0) throw new Error(`X error ${msg[1]} (request opcode ${msg[10]})`);
    return msg;
  }

  async internAtom(atomName) {
    const name = Buffer.from(atomName, 'latin1');
    const req = Buffer.alloc(8);
    req[0] = 16; // InternAtom
    req[1] = 0; // only-if-exists: no
    req.writeUInt16LE(2 + (name.length + pad4(name.length)) / 4, 2);
    req.writeUInt16LE(name.length, 4);
    this.socket.write(Buffer.concat([req, name, Buffer.alloc(pad4(name.length))]));
    return (await this.#reply()).readUInt32LE(8);
  }

  /** SendEvent of a 32-bit ClientMessage to `window`, no event mask. */
  sendClientMessage(window, type, data32) {
    const req = Buffer.alloc(44);
    req[0] = 25; // SendEvent
    req[1] = 0; // propagate: no
    req.writeUInt16LE(11, 2);
    req.writeUInt32LE(window, 4);
    req.writeUInt32LE(0, 8); // event mask: deliver to the window's owner
    const ev = req.subarray(12);
    ev[0] = 33; // ClientMessage
    ev[1] = 32; // format
    ev.writeUInt32LE(window, 4);
    ev.writeUInt32LE(type, 8);
    data32.slice(0, 5).forEach((v, i) => ev.writeUInt32LE(v >>> 0, 12 + i * 4));
    this.socket.write(req);
  }

  /** A round trip (GetInputFocus), so everything sent before has been processed. */
  async sync() {
    const req = Buffer.alloc(4);
    req[0] = 43;
    req.writeUInt16LE(1, 2);
    this.socket.write(req);
    await this.#reply();
  }

  close() {
    this.socket.end();
  }
}

/** Visible top-level windows whose title is exactly `title` (via xdotool). */
export function findWindows(title) {
  const pattern = `^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  try {
    const out = execFileSync('xdotool', ['search', '--onlyvisible', '--name', pattern], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.split('\n').filter(Boolean).map(Number);
  } catch (error) {
    if (error.status === 1) return []; // xdotool: nothing found
    throw error;
  }
}

/** Sends WM_DELETE_WINDOW to each window, as a window manager's close button would. */
export async function requestClose(windowIds) {
  const x = await X11.connect();
  try {
    const protocols = await x.internAtom('WM_PROTOCOLS');
    const deleteWindow = await x.internAtom('WM_DELETE_WINDOW');
    for (const id of windowIds) x.sendClientMessage(id, protocols, [deleteWindow, 0]);
    await x.sync();
  } finally {
    x.close();
  }
}
