// Revise: the little the pages need from a script. Everything works without it (forms and <details>), only less
// smoothly; with it, studying is by keyboard and uploads show their progress.
"use strict";

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? "";

async function api(path, body, method = "POST") {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const data = await response.json().catch(() => ({ error: { message: `The server answered ${response.status}.` } }));
  if (!response.ok) throw new Error(data.error?.message ?? `The server answered ${response.status}.`);
  return data;
}

function toast(text, isError = false) {
  let box = document.getElementById("toast");
  if (!box) {
    box = document.createElement("div");
    box.id = "toast";
    box.setAttribute("role", "status");
    document.body.append(box);
  }
  box.textContent = text;
  box.className = isError ? "show error" : "show";
  clearTimeout(box.timer);
  box.timer = setTimeout(() => (box.className = ""), isError ? 6000 : 2200);
}

// ---- Study -------------------------------------------------------------------------------------------------

const study = document.getElementById("study");
let busy = false;

function card() { return document.getElementById("study-card"); }
function answerBox() { return document.getElementById("answer-box"); }

function showCard(html) {
  study.innerHTML = html;
  wireCard();
}

function reveal() {
  const box = answerBox();
  if (box && !box.open) {
    box.open = true;
    box.querySelector(".rate button.suggested, .rate-good")?.focus({ preventScroll: true });
  }
}

function suggest(rating, verdict, text) {
  const p = card()?.querySelector(".verdict");
  if (p) {
    p.hidden = false;
    p.className = `verdict verdict-${verdict}`;
    p.textContent = text;
  }
  card()?.querySelectorAll(".rate button").forEach((b) => b.classList.toggle("suggested", b.value === String(rating)));
  reveal();
  card()?.querySelector(`.rate button[value="${rating}"]`)?.focus({ preventScroll: true });
}

// Runs one request at a time: a second key press while one is on its way is ignored; failures are shown.
async function once(work) {
  if (busy) return;
  busy = true;
  try {
    await work();
  } catch (error) {
    toast(error.message, true);
  } finally {
    busy = false;
  }
}

function rate(rating) {
  const c = card();
  if (!c || !c.dataset.card) return;
  return once(async () => {
    const answer = await api("/api/review?html=1", { card: c.dataset.card, rating: Number(rating) });
    showCard(answer.next.html);
    toast(`Saved: ${answer.saved}`);
  });
}

function undo() {
  return once(async () => {
    const answer = await api("/api/undo?html=1", {});
    showCard(answer.html);
    toast("Undone: the card is back as it was.");
  });
}

function suspend() {
  const c = card();
  if (!c || !c.dataset.card) return;
  return once(async () => {
    await api(`/api/cards/${c.dataset.card}/suspend`, { suspended: true });
    const next = await api("/api/next?html=1", undefined, "GET");
    showCard(next.html);
    toast("Suspended: it will not come up until you unsuspend it (Cards page).");
  });
}

function checkTyped(input) {
  const c = card();
  if (!c) return;
  if (!input.value.trim()) { reveal(); input.blur(); return; }
  return once(async () => {
    const result = await api("/api/check", { card: c.dataset.card, typed: input.value });
    const words = { right: "Right.", close: "Nearly: check the spelling.", wrong: "Not quite." };
    suggest(result.suggestedRating, result.verdict, `${words[result.verdict] ?? ""} You typed “${input.value}”. Enter takes the suggested rating.`);
    input.disabled = true;
  });
}

function choose(button) {
  const c = card();
  if (!c || answerBox()?.open) return;
  const right = button.dataset.choice === c.dataset.answer;
  c.querySelectorAll(".choice").forEach((b) => {
    b.disabled = true;
    if (b.dataset.choice === c.dataset.answer) b.classList.add("right");
  });
  if (!right) button.classList.add("wrong");
  suggest(right ? 3 : 1, right ? "right" : "wrong", right ? "Right." : `Not that one: it is ${c.dataset.answer}.`);
}

function wireCard() {
  const c = card();
  if (!c) return;
  c.querySelectorAll(".rate button").forEach((b) =>
    b.addEventListener("click", (event) => { event.preventDefault(); rate(b.value); }));
  c.querySelectorAll(".choice").forEach((b) => b.addEventListener("click", () => choose(b)));
  const form = c.querySelector(".type-answer");
  form?.addEventListener("submit", (event) => { event.preventDefault(); checkTyped(form.querySelector("input")); });
  c.querySelector("#undo")?.addEventListener("click", (event) => { event.preventDefault(); undo(); });
  // Keep focus off the page's search box, so the keys study.
  document.activeElement?.blur?.();
}

if (study) {
  wireCard();
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    if (typing) {
      if (event.key === "Escape") target.blur();
      return;
    }
    const c = card();
    if (!c || !c.dataset.card) return;
    const open = answerBox()?.open;
    const key = event.key.toLowerCase();
    if (key === " " || key === "enter") {
      if (!open) { event.preventDefault(); reveal(); return; }
      const suggested = c.querySelector(".rate button.suggested");
      if (key === "enter" && suggested) { event.preventDefault(); rate(suggested.value); return; }
      if (key === " ") { event.preventDefault(); return; }
    } else if (["1", "2", "3", "4"].includes(key) && open) {
      event.preventDefault();
      rate(key);
    } else if (key === "u") {
      event.preventDefault();
      undo();
    } else if (key === "s") {
      event.preventDefault();
      suspend();
    } else if (key === "e") {
      location.href = `/cards/${c.dataset.card}`;
    } else if (key === "t" && !open) {
      const input = c.querySelector("#typed");
      if (input) { event.preventDefault(); input.focus(); }
    } else if (!open && key.length === 1 && key >= "a" && key <= "h") {
      const choices = c.querySelectorAll(".choice");
      const index = key.charCodeAt(0) - 97;
      if (index < choices.length) { event.preventDefault(); choose(choices[index]); }
    }
  });
}

// ---- Import ------------------------------------------------------------------------------------------------

const importForm = document.getElementById("import-form");

function upload(file, list, maxBytes) {
  const item = document.createElement("li");
  const name = document.createElement("span");
  name.className = "upload-name";
  name.textContent = file.name;
  const bar = document.createElement("progress");
  bar.max = 100;
  bar.value = 0;
  const status = document.createElement("span");
  status.className = "upload-status";
  status.textContent = "waiting";
  item.append(name, bar, status);
  list.append(item);
  if (file.size > maxBytes) {
    item.className = "failed";
    bar.remove();
    status.textContent = `${file.name} is ${(file.size / 1e6).toFixed(1)} MB, larger than the upload limit of ${maxBytes / 1e6} MB.`;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/import?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      status.textContent = e.loaded < e.total ? "uploading" : "reading the notes…";
    };
    xhr.onload = () => {
      bar.value = 100;
      let data = {};
      try { data = JSON.parse(xhr.responseText); } catch { /* shown below */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        const f = data.file ?? {};
        item.className = "done";
        const parts = [];
        if (f.reviews !== undefined && f.reviews !== null) {
          // Cards from Anki or a CSV file: they come as they were, with their history and media.
          parts.push(`${f.cards} cards`);
          if (f.reviews) parts.push(`${f.reviews} reviews`);
          if (f.media) parts.push(`${f.media} media files`);
        } else {
          if (f.sections !== undefined && f.sections !== null) parts.push(`${f.sections} sections`, `${f.items} items`);
          if (f.questions) parts.push(`${f.questions} questions`);
          if (data.cards?.added) parts.push(`${data.cards.added} new cards`);
        }
        status.textContent = `${f.status ?? "done"}${parts.length ? ": " + parts.join(", ") : ""}`;
        for (const w of f.warnings ?? []) {
          const warning = document.createElement("p");
          warning.className = "warning";
          warning.textContent = w;
          item.append(warning);
        }
      } else {
        item.className = "failed";
        status.textContent = data.error?.message ?? `The server answered ${xhr.status}.`;
      }
      resolve();
    };
    xhr.onerror = () => {
      item.className = "failed";
      status.textContent = "The upload did not reach the server.";
      resolve();
    };
    xhr.send(file);
  });
}

async function uploadAll(files) {
  const list = document.getElementById("uploads");
  const maxBytes = Number(importForm.dataset.maxBytes);
  for (const file of files) await upload(file, list, maxBytes);
}

if (importForm) {
  const input = importForm.querySelector("input[type=file]");
  input.addEventListener("change", () => { uploadAll([...input.files]); input.value = ""; });
  importForm.addEventListener("submit", (event) => event.preventDefault());
  importForm.addEventListener("dragover", (event) => { event.preventDefault(); importForm.classList.add("over"); });
  importForm.addEventListener("dragleave", () => importForm.classList.remove("over"));
  importForm.addEventListener("drop", (event) => {
    event.preventDefault();
    importForm.classList.remove("over");
    uploadAll([...event.dataTransfer.files]);
  });
}

// ---- Lists -------------------------------------------------------------------------------------------------

for (const input of document.querySelectorAll("input[data-filter]")) {
  const list = document.querySelector(input.dataset.filter);
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase();
    for (const item of list.children) item.hidden = words !== "" && !item.textContent.toLowerCase().includes(words);
  });
}

// ---- Exam timer --------------------------------------------------------------------------------------------

const timer = document.querySelector(".timer[data-minutes]");
if (timer) {
  timer.hidden = false;
  const form = timer.closest("form");
  const seconds = form.querySelector("input[name=seconds]");
  const clock = timer.querySelector(".timer-clock");
  const toggle = timer.querySelector(".timer-toggle");
  const limit = Number(timer.dataset.minutes) * 60;
  let started = null;
  let tick = null;
  const show = () => {
    const used = Math.floor((Date.now() - started) / 1000);
    const left = limit - used;
    const abs = Math.abs(left);
    clock.textContent = (left < 0 ? "over by " : "") + Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0") + (left < 0 ? "" : " left");
    clock.classList.toggle("over", left < 0);
    seconds.value = String(used);
  };
  toggle.addEventListener("click", () => {
    if (tick) {
      clearInterval(tick);
      tick = null;
      toggle.textContent = "Timer stopped";
      toggle.disabled = true;
      return;
    }
    started = Date.now();
    show();
    tick = setInterval(show, 1000);
    toggle.textContent = "Stop the timer";
    form.querySelector("textarea").focus();
  });
}
