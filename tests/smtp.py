"""Two local mail servers for tests and bench/: one that accepts connections and never answers
(a mail server that hangs), and one that speaks just enough SMTP to take messages."""

import socket
import socketserver
import threading


class HangingSMTP:
    """A port that accepts the connection and then says nothing, ever."""

    def __init__(self, port=0):
        self.port = port

    def __enter__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        return self

    def __exit__(self, *exc):
        self.sock.close()


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 tiny ESMTP")
        envelope, lines = [], None
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if lines is not None:
                if line == ".":
                    self.server.messages.append("\n".join(envelope + lines))
                    envelope, lines = [], None
                    self.reply("250 queued")
                else:
                    lines.append(line[1:] if line.startswith("..") else line)
                continue
            verb = line[:4].upper()
            if verb == "EHLO":
                self.reply("250 tiny")
            elif verb in ("MAIL", "RCPT"):
                envelope.append(line)
                self.reply("250 ok")
            elif verb == "DATA":
                lines = []
                self.reply("354 go on")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class TinySMTP:
    """Takes every message it is sent; `messages` holds them, envelope lines first."""

    def __init__(self, port=0):
        self.port = port

    def __enter__(self):
        self.server = _Server(("127.0.0.1", self.port), _Session)
        self.server.messages = self.messages = []
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
