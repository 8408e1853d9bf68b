"""A counter in Tkinter: a label, an entry, a check box and buttons, the usual shape of a small Tk app."""

import tkinter as tk
from tkinter import ttk


class Counter(tk.Tk):
    def __init__(self):
        super().__init__()
        self.title("Tk Counter")
        self.count = 0
        self.label = tk.Label(self, text="Count: 0")
        self.label.pack()
        tk.Label(self, text="Step:").pack()
        self.step = ttk.Entry(self)
        self.step.pack()
        self.step.bind("<Return>", self.set_step)
        self.loud = tk.BooleanVar()
        ttk.Checkbutton(self, text="Loud", variable=self.loud).pack()
        tk.Button(self, text="Add one", command=self.add_one).pack()
        ttk.Button(self, text="Reset", command=self.reset).pack()
        tk.Button(self, text="Quit", command=self.destroy).pack()

    def set_step(self, event):
        print("step", self.step.get(), flush=True)

    def add_one(self):
        self.count += 1
        self.label.config(text=f"Count: {self.count}")
        print("added", self.count, flush=True)

    def reset(self):
        self.count = 0
        self.label.config(text="Count: 0")
        print("reset", flush=True)


if __name__ == "__main__":
    Counter().mainloop()
