// thread2epub's paste page. Pasted HTML is data: it is kept in a variable and sent to the
// server as text, never put into this page's DOM (the box shows only its words, through
// textContent). The server's Content-Security-Policy backs this up: no inline script runs and
// nothing loads from elsewhere, even if something slipped through.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const pasteBox = $("paste");
  const pasteStatus = $("paste-status");
  const pastedView = $("pasted-view");
  const clearPaste = $("clear-paste");
  const fileInput = $("files");
  const drop = $("drop");
  const fileList = $("file-list");
  const makeButton = $("make");
  const progress = $("progress");
  const result = $("result");
  const errorBox = $("error");
  const found = $("found");
  const downloadRow = $("download-row");
  const download = $("download");
  const downloadSize = $("download-size");

  const VIEW_CHARS = 1200;
  let pasted = null; // {kind: "html" | "text", data: string}
  let files = []; // [{name: "page_files/pic.png", file: File}]
  let bookUrl = null;

  // --- the paste box ---------------------------------------------------------------------

  function textOfHtml(html) {
    // An inert document: its scripts do not run and its pictures do not load. Its words are
    // read node by node (textContent would run "author" and "3 days ago" together), without
    // icons, scripts and styles.
    const doc = new DOMParser().parseFromString(html, "text/html");
    if (!doc.body) return "";
    doc.body.querySelectorAll("script, style, noscript, template, svg").forEach((el) => el.remove());
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const words = [];
    let length = 0;
    while (walker.nextNode() && length < VIEW_CHARS * 2) {
      const text = walker.currentNode.nodeValue.trim();
      if (text) {
        words.push(text);
        length += text.length + 1;
      }
    }
    return words.join(" ");
  }

  function sizeText(n) {
    if (n < 1024) return n + " bytes";
    if (n < 1024 * 1024) return Math.round(n / 1024) + " KB";
    return (n / (1024 * 1024)).toFixed(1) + " MB";
  }

  function setPaste(kind, data) {
    pasted = data && data.trim() ? { kind: kind, data: data } : null;
    pasteBox.textContent = "";
    if (!pasted) {
      pasteStatus.textContent = "Nothing pasted yet.";
      pastedView.hidden = true;
      clearPaste.hidden = true;
      return;
    }
    const words = (kind === "html" ? textOfHtml(data) : data).replace(/\s+/g, " ").trim();
    const size = sizeText(new Blob([data]).size);
    pasteStatus.textContent =
      kind === "html"
        ? "Pasted " + size + " of the page (with its authors, times and replies)."
        : "Pasted " + size + " of plain text (replies are worked out from the text).";
    pastedView.textContent = words.length > VIEW_CHARS ? words.slice(0, VIEW_CHARS) + "…" : words;
    pastedView.hidden = false;
    clearPaste.hidden = false;
    hideResult();
  }

  function takeTransfer(transfer) {
    // Files copied in a file manager, or dropped: saved pages. Otherwise the page's HTML
    // when the browser put it on the clipboard, else its plain text.
    if (transfer.files && transfer.files.length) {
      addFiles(Array.from(transfer.files).map((f) => ({ name: f.name, file: f })));
      return;
    }
    const html = transfer.getData("text/html");
    if (html && html.trim()) {
      setPaste("html", html);
      return;
    }
    const text = transfer.getData("text/plain");
    if (text && text.trim()) setPaste("text", text);
    else pasteStatus.textContent = "That paste was empty: copy the thread in your browser first.";
  }

  pasteBox.addEventListener("paste", (event) => {
    event.preventDefault();
    if (event.clipboardData) takeTransfer(event.clipboardData);
  });
  // Typing, dropping or the browser's own insertions would put markup into the live page.
  pasteBox.addEventListener("beforeinput", (event) => {
    if (event.inputType !== "insertFromPaste") {
      event.preventDefault();
      if (event.inputType && event.inputType.indexOf("insert") === 0 && event.inputType !== "insertFromDrop") {
        pasteStatus.textContent = "Only pasting works here: copy the thread, then press Ctrl+V.";
      }
    }
  });
  pasteBox.addEventListener("drop", (event) => {
    event.preventDefault();
    event.stopPropagation();
    dropped(event.dataTransfer);
  });
  pasteBox.addEventListener("dragover", (event) => event.preventDefault());
  clearPaste.addEventListener("click", () => {
    setPaste("text", "");
    pasteBox.focus();
  });

  // --- saved pages -----------------------------------------------------------------------

  function addFiles(more) {
    for (const item of more) {
      files = files.filter((known) => known.name !== item.name);
      files.push(item);
    }
    showFiles();
    hideResult();
  }

  function showFiles() {
    fileList.textContent = "";
    files.forEach((item, index) => {
      const li = document.createElement("li");
      const name = document.createElement("span");
      name.className = "file-name";
      name.textContent = item.name + " (" + sizeText(item.file.size) + ")";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link";
      remove.textContent = "Remove";
      remove.setAttribute("aria-label", "Remove " + item.name);
      remove.addEventListener("click", () => {
        files.splice(index, 1);
        showFiles();
        fileInput.focus();
      });
      li.append(name, " ", remove);
      fileList.append(li);
    });
  }

  function readFolder(entry, prefix) {
    // A dropped "_files" folder: every file in it, named by its path inside the drop.
    return new Promise((resolve) => {
      const reader = entry.createReader();
      const all = [];
      const next = () =>
        reader.readEntries((batch) => {
          if (!batch.length) {
            Promise.all(all.map((e) => walkEntry(e, prefix + entry.name + "/"))).then((lists) =>
              resolve([].concat(...lists))
            );
            return;
          }
          all.push(...batch);
          next();
        }, () => resolve([]));
      next();
    });
  }

  function walkEntry(entry, prefix) {
    if (entry.isDirectory) return readFolder(entry, prefix);
    return new Promise((resolve) =>
      entry.file((file) => resolve([{ name: prefix + entry.name, file: file }]), () => resolve([]))
    );
  }

  function dropped(transfer) {
    if (!transfer) return;
    const items = Array.from(transfer.items || []);
    const entries = items
      .filter((item) => item.kind === "file" && item.webkitGetAsEntry)
      .map((item) => item.webkitGetAsEntry())
      .filter(Boolean);
    if (entries.length) {
      Promise.all(entries.map((entry) => walkEntry(entry, ""))).then((lists) =>
        addFiles([].concat(...lists))
      );
      return;
    }
    takeTransfer(transfer);
  }

  fileInput.addEventListener("change", () => {
    addFiles(Array.from(fileInput.files).map((f) => ({ name: f.webkitRelativePath || f.name, file: f })));
    fileInput.value = "";
  });
  ["dragenter", "dragover"].forEach((name) =>
    drop.addEventListener(name, (event) => {
      event.preventDefault();
      drop.classList.add("over");
    })
  );
  ["dragleave", "drop"].forEach((name) =>
    drop.addEventListener(name, () => drop.classList.remove("over"))
  );
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    dropped(event.dataTransfer);
  });
  // A file dropped beside the drop zone must not make the browser leave the page.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());

  // --- making the book -------------------------------------------------------------------

  function formData() {
    const data = new FormData();
    // The server tells HTML from text by itself, as the command line does.
    if (pasted) data.append("paste", pasted.data);
    for (const item of files) data.append("files", item.file, item.name);
    data.append("title", $("title").value);
    data.append("site", $("site").value);
    data.append("sort", $("sort").value);
    data.append("min_score", $("min-score").value);
    data.append("images", $("images").checked ? "1" : "0");
    return data;
  }

  function hideResult() {
    result.hidden = true;
    errorBox.hidden = true;
    found.hidden = true;
    downloadRow.hidden = true;
    if (bookUrl) URL.revokeObjectURL(bookUrl);
    bookUrl = null;
  }

  function showError(message) {
    result.hidden = false;
    found.hidden = true;
    downloadRow.hidden = true;
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  async function post(path) {
    let response;
    try {
      response = await fetch(path, { method: "POST", body: formData(), credentials: "same-origin" });
    } catch (err) {
      throw new Error(
        "The page cannot reach thread2epub. Is it still running in its terminal? Start it " +
          "again with “thread2epub serve”, then reload this page."
      );
    }
    if (!response.ok) {
      let message = "The book could not be made (error " + response.status + ").";
      try {
        const body = await response.json();
        if (body && body.error) message = sentence(body.error);
      } catch (err) {
        // not JSON: keep the generic line
      }
      throw new Error(message);
    }
    return response;
  }

  function sentence(text) {
    const s = String(text).trim();
    return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?…]$/.test(s) ? "" : ".");
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function showPreview(info) {
    $("found-site").textContent = info.site_name ? info.site + " (" + info.site_name + ")" : info.site;
    $("found-title").textContent = info.title;
    $("found-count").textContent =
      plural(info.comment_count, "comment", "comments") +
      (info.pages > 1 ? " from " + info.pages + " pages" : "");
    const notes = $("found-notes");
    notes.textContent = "";
    for (const note of [].concat(info.left_out || [], info.warnings || [])) {
      const li = document.createElement("li");
      li.textContent = note;
      notes.append(li);
    }
    const list = $("found-comments");
    list.textContent = "";
    for (const c of info.comments) {
      const li = document.createElement("li");
      li.className = "comment depth-" + Math.min(c.depth, 6);
      const head = document.createElement("p");
      head.className = "comment-head";
      const who = document.createElement("strong");
      who.textContent = c.author || "(no name)";
      head.append(who);
      const bits = [];
      if (c.depth > 0) bits.push("reply, level " + c.depth);
      if (c.when) bits.push(when(c.when));
      if (c.score !== null && c.score !== undefined) bits.push(plural(c.score, "point", "points"));
      if (bits.length) head.append(" · " + bits.join(" · "));
      const body = document.createElement("p");
      body.className = "comment-body";
      body.textContent = c.text;
      li.append(head, body);
      list.append(li);
    }
    $("first-title").hidden = info.comments.length === 0;
    found.hidden = false;
    result.hidden = false;
  }

  function when(text) {
    const date = new Date(text);
    if (!/^\d{4}-\d\d-\d\dT/.test(text) || isNaN(date.getTime())) return text;
    return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }

  function fileName(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (!match) return fallback;
    try {
      return decodeURIComponent(match[1]);
    } catch (err) {
      return fallback;
    }
  }

  let maxBytes = null;
  fetch("/api/info")
    .then((response) => response.json())
    .then((info) => {
      maxBytes = info.max_input_bytes;
      for (const site of info.sites) {
        const option = document.createElement("option");
        option.value = site.key;
        option.textContent = site.name;
        $("site").append(option);
      }
    })
    .catch(() => {
      // The page still works without it: the server checks everything again.
    });

  function tooBig() {
    const total =
      (pasted ? new Blob([pasted.data]).size : 0) + files.reduce((n, item) => n + item.file.size, 0);
    return maxBytes !== null && total > maxBytes;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    hideResult();
    let problem = null;
    if (!pasted && !files.length) {
      problem = "Nothing to convert yet: paste the thread into the box, or choose its saved page.";
    } else if (tooBig()) {
      problem =
        "This is more than " + sizeText(maxBytes) + ", the most the page accepts. Save the " +
        "thread without its pictures, or start the page with a higher --max-input-mb.";
    }
    if (problem) {
      showError(problem);
      $("result-title").focus();
      return;
    }
    makeButton.disabled = true;
    form.setAttribute("aria-busy", "true");
    try {
      progress.textContent = "Reading the thread…";
      const info = await (await post("/api/preview")).json();
      showPreview(info);
      progress.textContent = "Making the book…";
      const response = await post("/api/book");
      const blob = await response.blob();
      bookUrl = URL.createObjectURL(blob);
      download.href = bookUrl;
      download.download = fileName(response, info.file_name || "thread.epub");
      download.textContent = "Download “" + download.download + "”";
      downloadSize.textContent = sizeText(blob.size);
      downloadRow.hidden = false;
      progress.textContent = "The book is ready.";
      download.focus();
    } catch (err) {
      progress.textContent = "";
      showError(err.message);
      $("result-title").focus();
    } finally {
      makeButton.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
})();
