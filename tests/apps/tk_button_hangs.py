"""A Tkinter app whose button handler never returns: it waits for a flag nothing can set."""

import tkinter as tk

root = tk.Tk()
root.title("Waiter")
done = False


def wait_for_done():
    while not done:
        pass


tk.Button(root, text="Wait", command=wait_for_done).pack()
root.mainloop()
