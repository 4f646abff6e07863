// The contributor kit: pick files, check them against the story rules the kit was written with, describe each
// frame, and save a submission package (zip + manifest.json with a sha256 per file) in exactly the format
// `takeover-planner package submit` writes (docs/package-format.md). Everything runs in this page: no request
// ever leaves it (the page's Content-Security-Policy forbids any), and no library is loaded.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kit-data").textContent);
  var lang = DATA.language;
  var frames = [];   // in story order; see newFrame()
  var nextId = 1;
  var HEAD_BYTES = 512 * 1024;  // enough for a JPEG's EXIF and size, or an MP4's first boxes
  var ZIP_LIMIT = 0xFFFFFFFF;   // the plain (non-zip64) format this writer makes

  // --- words ----------------------------------------------------------------------------------------
  function t(key, params) {
    var entry = DATA.words[key];
    var text = entry ? entry[lang] : key;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }

  function number(value) {
    // As the app formats rule values: up to three decimals, a decimal comma in Bokmål.
    if (typeof value !== "number") { return Array.isArray(value) ? value.map(number).join(", ") : String(value); }
    var text = Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, "").replace(/\.$/, "");
    return lang === "nb" ? text.replace(".", ",") : text;
  }

  function round(value, digits) { var f = Math.pow(10, digits); return Math.round(value * f) / f; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) { return; }
      if (name === "text") { node.textContent = value; } else if (name === "on") {
        Object.keys(value).forEach(function (type) { node.addEventListener(type, value[type]); });
      } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  // --- what a file is (by content, like the app) ---------------------------------------------------
  function ascii(bytes, at, length) {
    var out = "";
    for (var i = at; i < at + length && i < bytes.length; i++) { out += String.fromCharCode(bytes[i]); }
    return out;
  }

  var HEIF_BRANDS = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2"];

  function sniff(b) {
    if (b.length === 0) { return { kind: "unknown", format: "" }; }
    if (b[0] === 0xFF && b[1] === 0xD8 && b[2] === 0xFF) { return { kind: "image", format: "JPEG" }; }
    if (b[0] === 0x89 && ascii(b, 1, 3) === "PNG") { return { kind: "image", format: "PNG" }; }
    if (ascii(b, 0, 3) === "GIF") { return { kind: "image", format: "GIF" }; }
    if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") { return { kind: "image", format: "WEBP" }; }
    if (ascii(b, 0, 2) === "BM") { return { kind: "image", format: "BMP" }; }
    if (ascii(b, 0, 4) === "II*\u0000" || ascii(b, 0, 4) === "MM\u0000*") { return { kind: "image", format: "TIFF" }; }
    if (b[0] === 0x1A && b[1] === 0x45 && b[2] === 0xDF && b[3] === 0xA3) { return { kind: "video", format: "webm", container: "webm" }; }
    if (ascii(b, 4, 4) === "ftyp") {
      var size = (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
      var brands = [ascii(b, 8, 4)];
      for (var at = 16; at + 4 <= Math.min(size, 256); at += 4) { brands.push(ascii(b, at, 4)); }
      if (brands.indexOf("avif") >= 0 || brands.indexOf("avis") >= 0) { return { kind: "image", format: "AVIF" }; }
      if (brands.some(function (brand) { return HEIF_BRANDS.indexOf(brand) >= 0; })) { return { kind: "image", format: "HEIF" }; }
      return brands[0] === "qt  " ? { kind: "video", format: "mov", container: "mov" } : { kind: "video", format: "mp4", container: "mp4" };
    }
    if (["moov", "mdat", "wide", "free"].indexOf(ascii(b, 4, 4)) >= 0) { return { kind: "video", format: "mov", container: "mov" }; }
    return { kind: "unknown", format: "" };
  }

  // A JPEG's stored size, its EXIF orientation and whether it is really an MPO (several pictures in one). As
  // in Pillow, which the app uses: an MPF index with more than one picture, unless it is an Ultra HDR gain map.
  function readJpeg(b) {
    var out = { width: 0, height: 0, orientation: 1, mpo: false };
    var pictures = 0, gainMap = false;
    var i = 2;
    while (i + 4 <= b.length) {
      if (b[i] !== 0xFF) { break; }
      var marker = b[i + 1];
      if (marker === 0xFF) { i += 1; continue; }
      if (marker === 0xD8 || marker === 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { i += 2; continue; }
      var length = b[i + 2] << 8 | b[i + 3];
      if (marker === 0xE1 && ascii(b, i + 4, 6) === "Exif\u0000\u0000") { out.orientation = exifOrientation(b, i + 10, length - 8); }
      if (marker === 0xE1 && ascii(b, i + 4, length - 2).indexOf(' hdrgm:Version="') >= 0) { gainMap = true; }
      if (marker === 0xE2 && ascii(b, i + 4, 4) === "MPF\u0000") { pictures = tiffLong(b, i + 8, length - 6, 0xB001); }
      if (marker >= 0xC0 && marker <= 0xCF && marker !== 0xC4 && marker !== 0xC8 && marker !== 0xCC) {
        out.height = b[i + 5] << 8 | b[i + 6];
        out.width = b[i + 7] << 8 | b[i + 8];
        out.mpo = pictures > 1 && !gainMap;
        return out;
      }
      i += 2 + length;
    }
    return out;
  }

  // The value of a LONG tag in the first IFD of a TIFF block (an MPF index), or 0.
  function tiffLong(b, start, length, tag) {
    try {
      var view = new DataView(b.buffer, b.byteOffset + start, Math.min(length, b.length - start));
      var little = view.getUint16(0) === 0x4949;
      var ifd = view.getUint32(4, little);
      var count = view.getUint16(ifd, little);
      for (var k = 0; k < count; k++) {
        if (view.getUint16(ifd + 2 + k * 12, little) === tag) { return view.getUint32(ifd + 2 + k * 12 + 8, little); }
      }
    } catch (err) { return 0; }
    return 0;
  }

  function exifOrientation(b, start, length) {
    try {
      var view = new DataView(b.buffer, b.byteOffset + start, Math.min(length, b.length - start));
      var little = view.getUint16(0) === 0x4949;
      var ifd = view.getUint32(4, little);
      var count = view.getUint16(ifd, little);
      for (var k = 0; k < count; k++) {
        var entry = ifd + 2 + k * 12;
        if (view.getUint16(entry, little) === 0x0112) {
          var value = view.getUint16(entry + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (err) { return 1; }  // a broken EXIF block says nothing about orientation
    return 1;
  }

  function readPng(b) { return { width: u32(b, 16), height: u32(b, 20), orientation: 1 }; }
  function u32(b, at) { return (b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]) >>> 0; }

  function withTimeout(promise, ms) {
    return Promise.race([promise, new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error("timeout")); }, ms);
    })]);
  }

  function decodeImage(url) {
    var img = new Image();
    img.src = url;
    return withTimeout(img.decode().then(function () { return img; }), 10000);
  }

  function videoFacts(url) {
    return withTimeout(new Promise(function (resolve, reject) {
      var video = document.createElement("video");
      video.preload = "metadata";
      video.muted = true;
      video.onloadedmetadata = function () {
        resolve({ width: video.videoWidth, height: video.videoHeight, duration: video.duration });
        video.removeAttribute("src");
        video.load();
      };
      video.onerror = function () { reject(new Error("unreadable")); };
      video.src = url;
    }), 10000);
  }

  // --- the rules the kit was written with ---------------------------------------------------------
  // Each returns undefined (cannot be judged here), null (passes) or the values its message needs.
  var CHECKS = {
    problem: function (f, lim) {
      return (lim.problems || []).indexOf("empty") >= 0 ? (f.size === 0 ? {} : null) : undefined;
    },
    image_format: function (f, lim) {
      return (lim.allowed || ["JPEG"]).indexOf(f.format) >= 0 ? null : { format: f.format, value: f.format };
    },
    max_file_size: function (f, lim) {
      var max = lim.max_bytes || 0;
      if (!max || f.size <= max) { return null; }
      var unit = lim.unit === "MB" ? 1e6 : 1048576;
      return { value: round(f.size / unit, 1), limit: round(max / unit, 1) };
    },
    orientation: function (f) {
      if (f.orientation === undefined) { return undefined; }
      return f.orientation !== 1 ? { value: f.orientation } : null;
    },
    aspect_9_16: function (f, lim) {
      if (!f.width || !f.height) { return undefined; }
      var tolerance = lim.tolerance === undefined ? 0.01 : lim.tolerance;
      return Math.abs(f.width / f.height - 9 / 16) / (9 / 16) <= tolerance ? null : { width: f.width, height: f.height };
    },
    min_resolution: function (f, lim) {
      if (!f.width || !f.height) { return undefined; }
      return f.width >= (lim.width || 1080) && f.height >= (lim.height || 1920) ? null : { width: f.width, height: f.height };
    },
    video_container: function (f, lim) {
      return (lim.allowed || ["mp4", "mov"]).indexOf(f.container) >= 0 ? null : { format: f.container, value: f.container };
    },
    max_width: function (f, lim) {
      if (!f.width || !f.height) { return undefined; }
      return f.width <= (lim.max || 1920) ? null : { width: f.width, height: f.height };
    },
    aspect_range: function (f, lim) {
      if (!f.width || !f.height) { return undefined; }
      var ratio = f.width / f.height;
      return ratio >= (lim.min || 0.1) && ratio <= (lim.max || 10) ? null : { width: f.width, height: f.height, value: round(ratio, 3) };
    },
    min_duration: function (f, lim) {
      if (!isFinite(f.duration)) { return undefined; }
      return f.duration >= (lim.min || 3) ? null : { value: round(f.duration, 2) };
    },
    max_duration: function (f, lim) {
      if (!isFinite(f.duration)) { return undefined; }
      var max = lim.max || 60;
      return f.duration <= max ? null : { value: round(f.duration, 1), detail: Math.ceil(f.duration / max) };
    },
  };

  function judge(facts) {
    var judged = [], findings = [];
    DATA.rules.forEach(function (rule) {
      if (rule.kinds.indexOf(facts.kind) < 0 || !CHECKS[rule.check]) { return; }
      var values = CHECKS[rule.check](facts, rule.limits);
      if (values === undefined) { return; }
      judged.push(rule.id);
      if (values !== null) { findings.push({ rule: rule, values: values }); }
    });
    return { judged: judged, findings: findings };
  }

  function ruleMessage(finding) {
    var template = finding.rule["message_" + lang];
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      if (Object.prototype.hasOwnProperty.call(finding.values, name)) { return number(finding.values[name]); }
      if (Object.prototype.hasOwnProperty.call(finding.rule.limits, name)) { return number(finding.rule.limits[name]); }
      return "?";
    }).trim();
  }

  // Everything the browser can find out about one file, and the verdict of each rule it can judge.
  function checkFile(file, url) {
    return file.slice(0, HEAD_BYTES).arrayBuffer().then(function (buffer) {
      var head = new Uint8Array(buffer);
      var facts = sniff(head);
      facts.size = file.size;
      facts.status = "checked";
      if (file.size === 0) { return Object.assign(facts, judge(facts)); }
      if (facts.format === "HEIF" || facts.format === "AVIF" || facts.format === "TIFF") {
        facts.status = "later";
        return facts;
      }
      if (facts.kind === "image") {
        return decodeImage(url).then(function (img) {
          var stored = facts.format === "JPEG" ? readJpeg(head) : facts.format === "PNG" ? readPng(head) : null;
          if (stored && stored.mpo) { facts.format = "MPO"; }
          if (stored && stored.width && stored.height) {
            facts.orientation = stored.orientation;
            var turned = stored.orientation >= 5;  // 5-8 turn the picture a quarter: width and height swap
            facts.width = turned ? stored.height : stored.width;
            facts.height = turned ? stored.width : stored.height;
          } else {
            facts.width = img.naturalWidth;   // browsers show pictures upright: this is the displayed size
            facts.height = img.naturalHeight;
          }
          return Object.assign(facts, judge(facts));
        });
      }
      if (facts.kind === "video") {
        return videoFacts(url).then(function (video) {
          facts.width = video.width;
          facts.height = video.height;
          facts.duration = video.duration;
          return Object.assign(facts, judge(facts));
        });
      }
      return Object.assign(facts, judge(facts));
    }).catch(function () {
      return { kind: "unknown", format: "", size: file.size, status: "unreadable" };
    });
  }

  // For tests and for the curious: the verdict on one file, without adding it.
  window.kitCheckFile = function (file) {
    var url = URL.createObjectURL(file);
    return checkFile(file, url).then(function (facts) {
      URL.revokeObjectURL(url);
      return { status: facts.status, kind: facts.kind, format: facts.format, width: facts.width || 0,
               height: facts.height || 0, duration: facts.duration || null, judged: facts.judged || [],
               failed: (facts.findings || []).map(function (f) { return f.rule.id; }) };
    });
  };

  // --- frames ---------------------------------------------------------------------------------------
  function newFrame(file) {
    return { id: nextId++, file: file, url: URL.createObjectURL(file), facts: null, date: DATA.days[0].iso, time: "",
             text: "", stickerKind: "", stickerValue: "", credit: "", notes: "", people: null, consents: [] };
  }

  function addFiles(list) {
    var files = Array.prototype.slice.call(list || []);
    if (!files.length) { return; }
    if (frames.length + files.length > DATA.max_frames) { status(t("too_many", { count: DATA.max_frames }), true); return; }
    var added = files.map(newFrame);
    frames = frames.concat(added);
    render();
    status(t("added", { count: added.length }));
    added.forEach(function (frame) {
      checkFile(frame.file, frame.url).then(function (facts) {
        frame.facts = facts;
        renderChecks(frame);
        drawText(frame, frames.indexOf(frame) + 1);  // the picture's size decides where the text goes
      });
    });
  }

  function move(index, by) {
    var target = index + by;
    if (target < 0 || target >= frames.length) { return; }
    var frame = frames.splice(index, 1)[0];
    frames.splice(target, 0, frame);
    render();
    status(t("moved", { old: index + 1, new: target + 1 }));
    var again = document.getElementById("frame-" + (target + 1) + (by < 0 ? "-up" : "-down"));
    (again && !again.disabled ? again : document.getElementById("frame-" + (target + 1) + "-text")).focus();
  }

  function removeFrame(index) {
    var frame = frames.splice(index, 1)[0];
    URL.revokeObjectURL(frame.url);
    render();
    status(t("removed", { number: index + 1 }));
    var next = document.getElementById("frame-" + Math.min(index + 1, frames.length) + "-text");
    (next || document.getElementById("kit-files")).focus();
  }

  function bind(frame, key) {
    return function (event) { frame[key] = event.target.type === "checkbox" ? event.target.checked : event.target.value; };
  }

  function field(id, label, control) {
    return el("div", { class: "field" + (control.tagName === "TEXTAREA" ? " wide" : "") },
      [el("label", { for: id, text: label }), control]);
  }

  // --- the on-screen text, set as the app burns it in (media/text_overlay.py; numbers in DATA.text_layout) ---
  var TL = DATA.text_layout;
  var STORY_W = 1080, STORY_H = 1920;

  function wrapText(ctx, text, width) {
    var lines = [];
    var paragraphs = text.split(/\r\n|\r|\n/);
    for (var p = 0; p < paragraphs.length; p++) {
      var line = "", words = paragraphs[p].split(/\s+/).filter(Boolean);
      for (var w = 0; w < words.length; w++) {
        var candidate = (line + " " + words[w]).trim();
        if (ctx.measureText(candidate).width <= width) { line = candidate; }
        else if (ctx.measureText(words[w]).width > width) { return null; }
        else { lines.push(line); line = words[w]; }
      }
      lines.push(line);
    }
    lines = lines.filter(Boolean);
    return lines.length ? lines : null;
  }

  function fontFor(size) {
    return "bold " + size + "px " + TL.fonts.map(function (f) { return f.indexOf(" ") >= 0 ? '"' + f + '"' : f; }).join(", ");
  }

  // The box for the text on a 1080×1920 story, low in the safe zone; null when no legible size fits.
  function layoutText(ctx, text, width, height) {
    var safeTop = Math.round(height * TL.safe_top), safeBottom = Math.round(height * (1 - TL.safe_bottom));
    var room = (safeBottom - safeTop) * TL.max_share;
    var source = text.indexOf("\n") < 0 ? text.split(/\s+/).filter(Boolean).join(" ") : text.trim();
    for (var i = 0; i < TL.sizes.length; i++) {
      var size = Math.max(12, Math.round(width * TL.sizes[i]));
      ctx.font = fontFor(size);
      var padding = Math.round(size * TL.padding), lineHeight = Math.round(size * TL.line_height);
      var lines = wrapText(ctx, source, width * (1 - 2 * TL.side_margin) - 2 * padding);
      if (!lines) { continue; }
      var boxHeight = lines.length * lineHeight + 2 * padding;
      if (boxHeight > room) { continue; }
      var boxWidth = Math.max.apply(null, lines.map(function (l) { return ctx.measureText(l).width; })) + 2 * padding;
      var left = Math.round((width - boxWidth) / 2), bottom = safeBottom - Math.round(height * TL.gap);
      return { lines: lines, size: size, left: left, top: bottom - boxHeight, right: Math.round(left + boxWidth),
               bottom: bottom, padding: padding, lineHeight: lineHeight };
    }
    return null;
  }

  function burnsText(frame) { return Boolean(frame.text.trim()) && !frame.stickerKind; }

  // What the text is set on, as the app publishes the file (publishing/text_frames.py). A picture that can go as
  // it is keeps its own shape (not 9:16: the phone letterboxes it) and gets the text on the picture, at its own
  // size or scaled up to 1080 wide (media/text_overlay.story_size). A video, and a picture the comms team must
  // fix first (a rule says "must", or a format the browser cannot read), is fitted inside 1080×1920 (padded: the
  // fix's default) and gets the text on the whole screen.
  function textCanvas(frame) {
    var f = frame.facts;
    var whole = { width: STORY_W, height: STORY_H, left: 0, top: 0, shownWidth: 1, shownHeight: 1 };
    if (!f || f.kind !== "image" || f.status !== "checked" || !f.width || !f.height) { return whole; }
    if (f.findings.some(function (finding) { return finding.rule.severity === "error"; })) { return whole; }
    var width = f.width, height = f.height;
    if (width < TL.story_width) { height = Math.round(height * TL.story_width / width); width = TL.story_width; }
    var ratio = width / height, screen = STORY_W / STORY_H;
    var shownWidth = ratio >= screen ? 1 : ratio / screen, shownHeight = ratio >= screen ? screen / ratio : 1;
    return { width: width, height: height, left: (1 - shownWidth) / 2, top: (1 - shownHeight) / 2,
             shownWidth: shownWidth, shownHeight: shownHeight };
  }

  // Draw the frame's text over its phone preview (a canvas the published picture's shape, laid where the phone
  // shows that picture); say when it cannot. A large picture's canvas is kept 1080 wide, the text scaled into it.
  function drawText(frame, n) {
    var canvas = document.getElementById("frame-" + n + "-text-panel");
    var warning = document.getElementById("frame-" + n + "-text-warning");
    if (!canvas || !canvas.getContext) { return; }
    var target = textCanvas(frame), scale = Math.min(1, STORY_W / target.width);
    canvas.width = Math.round(target.width * scale);  // (sizing a canvas also clears it)
    canvas.height = Math.round(target.height * scale);
    canvas.style.left = 100 * target.left + "%";
    canvas.style.top = 100 * target.top + "%";
    canvas.style.width = 100 * target.shownWidth + "%";
    canvas.style.height = 100 * target.shownHeight + "%";
    var ctx = canvas.getContext("2d");
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    if (warning) { warning.hidden = true; }
    if (!burnsText(frame)) { return; }
    var box = layoutText(ctx, frame.text, target.width, target.height);
    if (!box) { if (warning) { warning.hidden = false; } return; }
    ctx.fillStyle = "rgba(0, 0, 0, " + TL.opacity + ")";
    ctx.beginPath();
    if (ctx.roundRect) { ctx.roundRect(box.left, box.top, box.right - box.left, box.bottom - box.top, box.padding); }
    else { ctx.rect(box.left, box.top, box.right - box.left, box.bottom - box.top); }
    ctx.fill();
    ctx.font = fontFor(box.size);
    ctx.fillStyle = "#ffffff";
    ctx.textBaseline = "top";
    box.lines.forEach(function (line, k) {
      ctx.fillText(line, (target.width - ctx.measureText(line).width) / 2, box.top + box.padding + k * box.lineHeight);
    });
  }

  function preview(frame, n) {
    var phone = el("div", { class: "phone", role: "img", "aria-label": t("preview", { number: n }) });
    var kind = frame.facts ? frame.facts.kind : (frame.file.type.indexOf("video/") === 0 ? "video" : "image");
    var format = frame.facts ? frame.facts.format : "";
    if (frame.facts && frame.facts.status !== "checked") {
      phone.appendChild(el("div", { class: "none", text: t("no_preview") }));
    } else if (kind === "video") {
      phone.appendChild(el("video", { src: frame.url + "#t=0.1", muted: true, preload: "metadata", "aria-hidden": "true" }));
    } else if (format !== "HEIF") {
      phone.appendChild(el("img", { src: frame.url, alt: "" }));
    }
    phone.appendChild(el("canvas", { class: "text-panel", id: "frame-" + n + "-text-panel", width: STORY_W,
                                     height: STORY_H, "aria-hidden": "true" }));
    phone.appendChild(el("div", { class: "zone top" }));
    phone.appendChild(el("div", { class: "zone bottom" }));
    return phone;
  }

  function consentBlock(frame, n, consent, m) {
    var base = "frame-" + n + "-consent-" + m;
    function input(key, type, max) {
      return el("input", { id: base + "-" + key, type: type, maxlength: max, value: type === "checkbox" ? null : consent[key],
                           checked: type === "checkbox" && consent[key], on: { input: bind(consent, key), change: bind(consent, key) } });
    }
    var minor = el("label", { for: base + "-minor" }, [input("minor", "checkbox"), document.createTextNode(" " + t("consent_minor"))]);
    return el("fieldset", { class: "consent" }, [
      el("legend", { text: t("consent", { index: m }) }),
      el("div", { class: "grid" }, [
        field(base + "-subject", t("consent_subject"), input("subject", "text", 300)),
        field(base + "-reference", t("consent_reference"), input("reference", "text", 200)),
        field(base + "-until", t("consent_until"), input("until", "date")),
        el("div", { class: "field" }, [minor]),
        el("div", {}, [el("button", { type: "button", id: base + "-remove", text: t("consent_remove", { index: m }),
          on: { click: function () { frame.consents.splice(m - 1, 1); render(); } } })]),
      ]),
    ]);
  }

  function peopleBlock(frame, n) {
    var name = "frame-" + n + "-people";
    function radio(value, key) {
      var id = name + "-" + key;
      return el("label", { for: id }, [
        el("input", { type: "radio", id: id, name: name, value: key, checked: frame.people === value,
          on: { change: function () {
            frame.people = value;
            if (value && !frame.consents.length) { frame.consents.push(blankConsent()); }
            render();
            document.getElementById(id).focus();
          } } }),
        document.createTextNode(" " + t("people_" + key)),
      ]);
    }
    var children = [el("legend", { text: t("people") }), el("div", { class: "radios" }, [radio(false, "no"), radio(true, "yes")])];
    if (frame.people) {
      frame.consents.forEach(function (consent, i) { children.push(consentBlock(frame, n, consent, i + 1)); });
      children.push(el("p", { class: "hint", text: t("consent_later") }));
      children.push(el("button", { type: "button", id: "frame-" + n + "-consent-add", text: t("consent_add"),
        on: { click: function () {
          frame.consents.push(blankConsent());
          render();
          document.getElementById("frame-" + n + "-consent-" + frame.consents.length + "-subject").focus();
        } } }));
    }
    return el("fieldset", { class: "wide" }, children);
  }

  function blankConsent() { return { subject: "", reference: "", until: "", minor: false }; }

  function frameItem(frame, index) {
    var n = index + 1, id = "frame-" + n;
    var days = el("select", { id: id + "-date", on: { change: bind(frame, "date") } },
      DATA.days.map(function (day) { return el("option", { value: day.iso, selected: day.iso === frame.date, text: day[lang] }); }));
    var sticker = el("select", { id: id + "-sticker-kind", on: { change: bind(frame, "stickerKind") } },
      [["", "sticker_none"], ["link", "sticker_link"], ["poll", "sticker_poll"], ["mention", "sticker_mention"]].map(function (o) {
        return el("option", { value: o[0], selected: frame.stickerKind === o[0], text: t(o[1]) });
      }));
    function text(key, max, tag) {
      var node = el(tag || "input", { id: id + "-" + key.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }),
        type: tag ? null : "text", maxlength: max, rows: tag ? 2 : null, on: { input: bind(frame, key) } });
      node.value = frame[key];
      return node;
    }
    var onScreen = text("text", 2200, "textarea");
    onScreen.addEventListener("input", function () { drawText(frame, n); });
    sticker.addEventListener("change", function () { drawText(frame, n); });
    var time = text("time", 5);
    time.setAttribute("inputmode", "numeric");
    time.setAttribute("placeholder", "09:30");
    return el("li", { class: "frame", id: id, "aria-labelledby": id + "-h" }, [
      el("div", {}, [
        preview(frame, n),
        el("p", { class: "text-warning", id: id + "-text-warning", role: "status", hidden: true, text: t("text_too_long") }),
        el("p", { class: "name", text: frame.file.name }),
        el("div", { class: "order" }, [
          el("button", { type: "button", id: id + "-up", disabled: index === 0, "aria-label": t("move_up", { number: n }),
                         text: "↑", on: { click: function () { move(index, -1); } } }),
          el("button", { type: "button", id: id + "-down", disabled: index === frames.length - 1,
                         "aria-label": t("move_down", { number: n }), text: "↓", on: { click: function () { move(index, 1); } } }),
          el("button", { type: "button", id: id + "-remove", "aria-label": t("remove", { number: n }), text: "✕",
                         on: { click: function () { removeFrame(index); } } }),
        ]),
      ]),
      el("div", {}, [
        el("h3", { id: id + "-h", text: t("frame", { number: n }) }),
        el("div", { class: "checks", id: id + "-checks", "aria-live": "polite" }),
        el("div", { class: "grid" }, [
          field(id + "-date", t("day"), days),
          field(id + "-time", t("time"), time),
          field(id + "-text", t("text"), onScreen),
          field(id + "-sticker-kind", t("sticker"), sticker),
          field(id + "-sticker-value", t("sticker_value"), text("stickerValue", 1000)),
          field(id + "-credit", t("credit"), text("credit", 300)),
          field(id + "-notes", t("notes"), text("notes", 5000)),
          peopleBlock(frame, n),
        ]),
      ]),
    ]);
  }

  function renderChecks(frame) {
    var index = frames.indexOf(frame);
    var box = index >= 0 && document.getElementById("frame-" + (index + 1) + "-checks");
    if (!box) { return; }
    box.textContent = "";
    var f = frame.facts;
    if (!f) { box.appendChild(el("p", { class: "later", text: t("checking") })); return; }
    if (f.status === "later") {
      box.appendChild(el("p", { class: "later" }, [el("span", { class: "tag", text: t("later") + ". " }),
        document.createTextNode(t("later_why", { format: f.format }))]));
      return;
    }
    if (f.status === "unreadable") {
      box.appendChild(el("p", { class: "later" }, [el("span", { class: "tag", text: t("later") + ". " }),
        document.createTextNode(t("unreadable"))]));
      return;
    }
    var parts = [t("kind_" + f.kind)];
    if (f.format) { parts.push(f.format.toUpperCase()); }
    if (f.width && f.height) { parts.push(f.width + "×" + f.height); }
    if (isFinite(f.duration)) { parts.push(t("seconds", { seconds: number(round(f.duration, 1)) })); }
    parts.push(number(round(f.size / 1048576, 1)) + " MB");
    box.appendChild(el("p", { class: "facts-line", text: parts.join(" · ") }));
    if (!f.findings.length) { box.appendChild(el("p", { class: "ok", text: "✓ " + t("all_good") })); return; }
    box.appendChild(el("ul", {}, f.findings.map(function (finding) {
      var rule = finding.rule;
      var tag = rule.fixable ? t("we_fix") : rule.severity === "error" ? t("you_fix") : t("advice");
      return el("li", { class: rule.severity }, [el("span", { class: "tag", text: tag + ": " }),
        document.createTextNode(ruleMessage(finding))]);
    })));
  }

  function render() {
    var list = document.getElementById("kit-frames");
    list.textContent = "";
    frames.forEach(function (frame, index) {
      list.appendChild(frameItem(frame, index));
      renderChecks(frame);
      drawText(frame, index + 1);
    });
    document.getElementById("kit-empty").hidden = frames.length > 0;
  }

  // --- the page around the frames -------------------------------------------------------------------
  function renderStatic() {
    document.documentElement.lang = lang;
    document.title = t("title");
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (node) {
      node.textContent = t(node.getAttribute("data-t"));
    });
    var facts = document.getElementById("kit-facts");
    facts.textContent = "";
    DATA.facts[lang].forEach(function (pair) {
      facts.appendChild(el("dt", { text: t(pair[0]) }));
      facts.appendChild(el("dd", { text: pair[1] }));
    });
    var guide = document.getElementById("kit-guide");
    guide.textContent = "";
    [["rules", DATA.rules_text], ["consent_rules", DATA.consent_rules], ["tips", DATA.tips]].forEach(function (pair) {
      guide.appendChild(el("h2", { text: t(pair[0]) }));
      guide.appendChild(el("ul", {}, pair[1][lang].map(function (line) { return el("li", { text: line }); })));
    });
    guide.appendChild(el("p", { class: "hint", text: t("rule_set", { name: DATA.rule_set }) }));
  }

  function status(message, bad) {
    var node = document.getElementById("kit-status");
    node.textContent = message;
    node.className = bad ? "bad" : "";
  }

  // --- saving: the manifest and the zip --------------------------------------------------------------
  var UNSAFE = /[^A-Za-z0-9._-]+/g;

  // As intake.package.safe_member_name: "media/03-my_photo.jpg".
  function memberName(n, fileName) {
    var dot = fileName.lastIndexOf(".");
    var hasSuffix = dot > 0 && dot < fileName.length - 1;
    var stem = hasSuffix ? fileName.slice(0, dot) : fileName;
    var suffix = hasSuffix ? fileName.slice(dot).toLowerCase().replace(UNSAFE, "").slice(0, 10) : "";
    stem = stem.replace(UNSAFE, "_").replace(/^[._-]+|[._-]+$/g, "").slice(0, 60) || "file";
    return "media/" + (n < 10 ? "0" : "") + n + "-" + stem + suffix;
  }

  function cleanTime(text) {
    var m = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(text || "");
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) { return null; }
    return (m[1].length === 1 ? "0" : "") + m[1] + ":" + m[2];
  }

  function problems() {
    if (!document.getElementById("kit-name").value.trim()) { return ["need_name", {}, "kit-name"]; }
    if (!frames.length) { return ["need_files", {}, "kit-files"]; }
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i], n = i + 1, value = f.stickerValue.trim();
      if (f.time.trim() && cleanTime(f.time) === null) { return ["bad_time", { number: n }, "frame-" + n + "-time"]; }
      // Unanswered is not "no": consent is the comms team's to check, so the question is never skipped.
      if (f.people === null) { return ["need_people", { number: n }, "frame-" + n + "-people-no"]; }
      if (f.stickerKind && !value) { return ["empty_sticker", { number: n }, "frame-" + n + "-sticker-value"]; }
      if (f.stickerKind === "link" && !/^https:\/\/\S+$/.test(value)) { return ["bad_link", { number: n }, "frame-" + n + "-sticker-value"]; }
      if (f.stickerKind === "mention" && !/^@[A-Za-z0-9._]{1,30}$/.test(value)) { return ["bad_mention", { number: n }, "frame-" + n + "-sticker-value"]; }
    }
    return null;
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (x) { return (x < 16 ? "0" : "") + x.toString(16); }).join("");
  }

  function uid() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return hex(bytes.buffer);
  }

  function buildManifest(names, entries) {
    var consents = [], frameEntries = [];
    frames.forEach(function (f, i) {
      var keys = [];
      if (f.people) {
        f.consents.forEach(function (c, j) {
          var subject = c.subject.replace(/\s+/g, " ").trim();
          if (!subject) { return; }  // an empty form: the frame arrives without this consent
          var key = "frame" + (i + 1) + "-" + (j + 1);
          keys.push(key);
          consents.push({ key: key, subject: subject, reference: c.reference.trim(), given_by: c.minor ? "guardian" : "self",
                          scope: ["instagram"], valid_until: c.until || null });
        });
      }
      var time = f.time.trim() ? cleanTime(f.time) : null;
      frameEntries.push({
        file: names[i], fixed_file: null, fix_recipe: null, planned_date: f.date, planned_time: time,
        text: f.text.trim(), notes: f.notes.trim(),
        sticker: f.stickerKind ? { kind: f.stickerKind, value: f.stickerValue.trim() } : null,
        credit: f.credit.trim(), shows_people: f.people === true, consents: keys,
      });
    });
    var files = {};
    Object.keys(entries).sort().forEach(function (name) { files[name] = entries[name]; });
    return {
      format: DATA.format, format_version: DATA.format_version, submission_uid: uid(),
      created_at: new Date().toISOString().replace(/\.\d+Z$/, "+00:00"), app_version: DATA.app_version,
      brief_uid: DATA.brief_uid, slot_id: DATA.slot_id, department: DATA.department,
      contributor: { name: document.getElementById("kit-name").value.replace(/\s+/g, " ").trim(),
                     email: document.getElementById("kit-email").value.trim() },
      message: document.getElementById("kit-message").value.trim(),
      consents: consents, frames: frameEntries, files: files,
    };
  }

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) { c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8); }
    return (c ^ 0xFFFFFFFF) >>> 0;
  }

  // A plain zip with every member stored (pictures and video are compressed already), a fixed timestamp
  // (2020-01-01, as the app writes) and Unix rw-r--r-- regular-file modes, which the app's reader expects.
  function zip(members) {
    var encoder = new TextEncoder(), parts = [], central = [], offset = 0;
    var DOS_TIME = 0, DOS_DATE = (2020 - 1980) << 9 | 1 << 5 | 1;
    members.forEach(function (m) {
      var name = encoder.encode(m.name), crc = crc32(m.bytes), size = m.bytes.length;
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(6, 0x0800, true);
      local.setUint16(8, 0, true); local.setUint16(10, DOS_TIME, true); local.setUint16(12, DOS_DATE, true);
      local.setUint32(14, crc, true); local.setUint32(18, size, true); local.setUint32(22, size, true);
      local.setUint16(26, name.length, true); local.setUint16(28, 0, true);
      var entry = new DataView(new ArrayBuffer(46));
      entry.setUint32(0, 0x02014b50, true); entry.setUint16(4, 3 << 8 | 20, true); entry.setUint16(6, 20, true);
      entry.setUint16(8, 0x0800, true); entry.setUint16(10, 0, true); entry.setUint16(12, DOS_TIME, true);
      entry.setUint16(14, DOS_DATE, true); entry.setUint32(16, crc, true); entry.setUint32(20, size, true);
      entry.setUint32(24, size, true); entry.setUint16(28, name.length, true); entry.setUint16(30, 0, true);
      entry.setUint16(32, 0, true); entry.setUint16(34, 0, true); entry.setUint16(36, 0, true);
      entry.setUint32(38, (0o100644 << 16) >>> 0, true); entry.setUint32(42, offset, true);
      parts.push(local, name, m.bytes);
      central.push(entry, name);
      offset += 30 + name.length + size;
    });
    var centralSize = central.reduce(function (sum, part) { return sum + part.byteLength; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true); end.setUint16(8, members.length, true); end.setUint16(10, members.length, true);
    end.setUint32(12, centralSize, true); end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end]), { type: "application/zip" });
  }

  function save() {
    var wrong = problems();
    if (wrong) {
      status(t(wrong[0], wrong[1]), true);
      var target = document.getElementById(wrong[2]);
      if (target) { target.focus(); }
      return Promise.resolve(null);
    }
    var total = frames.reduce(function (sum, f) { return sum + f.file.size; }, 0);
    if (total > ZIP_LIMIT - 16 * 1024 * 1024) { status(t("too_big"), true); return Promise.resolve(null); }
    status(t("saving"));
    var button = document.getElementById("kit-save");
    button.disabled = true;
    var names = frames.map(function (f, i) { return memberName(i + 1, f.file.name); });
    var members = [], entries = {};
    return frames.reduce(function (chain, f, i) {
      return chain.then(function () { return f.file.arrayBuffer(); }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
          members.push({ name: names[i], bytes: bytes });
          entries[names[i]] = { sha256: hex(digest), size: bytes.length };
        });
      });
    }, Promise.resolve()).then(function () {
      var manifest = buildManifest(names, entries);
      members.push({ name: "manifest.json", bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 2)) });
      var link = el("a", { href: URL.createObjectURL(zip(members)), download: DATA.file_name[lang] });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
      status(t("saved", { file: DATA.file_name[lang] }));
      return manifest;
    }).catch(function (err) {
      status(t("save_failed", { error: String(err && err.message || err) }), true);
      return null;
    }).finally(function () { button.disabled = false; });
  }

  // --- wiring ---------------------------------------------------------------------------------------
  document.getElementById("kit-files").addEventListener("change", function (event) {
    addFiles(event.target.files);
    event.target.value = "";  // the same file can be added again
  });
  document.getElementById("kit-save").addEventListener("click", save);
  document.getElementById("kit-lang").addEventListener("click", function () {
    lang = lang === "nb" ? "en" : "nb";
    renderStatic();
    render();
    document.getElementById("kit-lang").focus();
  });
  document.addEventListener("dragover", function (event) {
    event.preventDefault();
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", function (event) {
    if (!event.relatedTarget) { document.body.classList.remove("dragging"); }
  });
  document.addEventListener("drop", function (event) {
    event.preventDefault();
    document.body.classList.remove("dragging");
    addFiles(event.dataTransfer && event.dataTransfer.files);
  });
  window.kitSave = save;
  renderStatic();
  render();
})();
