"""What a confined Python can and cannot do (run with ci/python)."""
import errno
import os
import socket
import subprocess
import sys
import threading

print(f"hello from {sys.platform}, argv={sys.argv[1:]}")

try:
    os.listdir("/etc")
except OSError as e:
    print(f"os.listdir('/etc') refused: errno {e.errno} ({errno.errorcode.get(e.errno)})")

with open("out.txt", "w") as f:
    f.write("written inside the granted work directory\n")
print("wrote", os.path.abspath("out.txt"), os.path.getsize("out.txt"), "bytes")

results = []
threads = [threading.Thread(target=lambda i=i: results.append(i * i)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads computed", sorted(results))

child = subprocess.run([sys.executable, "-c", "import os; print(sorted(os.listdir('.')))"],
                       capture_output=True, text=True)
print(f"a child interpreter saw {child.stdout.strip()} and exited {child.returncode}")

try:
    socket.socket()
except OSError as e:
    print(f"socket.socket() refused: {type(e).__name__} errno {e.errno}")

sys.exit(3 if "--fail" in sys.argv else 0)
