#!/usr/bin/env python3
"""Check a language pack's event dictionaries (src/lang/<lang>/events/*.tsv).

Usage: scripts/check-event-dict.py [LANG ...]   (default: nl en)

Checks the format of src/lang/README-events.md plus some content rules:
11 columns in patterns.tsv, known kinds/sources/targets, CAMEO codes present in
src/lang/common/ontology/cameo.tsv (also inside refine), particles that start
the lemma, no duplicate (kind, lemma, particle, reflexive, prep, object) keys,
examples that contain an inflected form of the trigger (crude: a stem or a
strong-verb form), noun examples that contain a support verb. Prints
file:line: message and a per-root summary; exits 1 on errors.
"""
import os
import re
import sys
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANG_DIR = os.path.join(ROOT, 'src', 'lang')
CUE_CATEGORIES = {
    'negation', 'modal', 'conditional', 'subordinator', 'relative', 'coordinator',
    'reciprocal', 'reflexive', 'passive_aux', 'both_sides', 'casualty_killed',
    'casualty_injured', 'civilian', 'cumulative', 'incremental', 'locative', 'historical',
}
EN_IRREGULAR = {
    'send': ['sent'], 'give': ['gave', 'given'], 'hold': ['held'], 'break': ['broke', 'broken'],
    'go': ['went', 'gone'], 'begin': ['began', 'begun'], 'meet': ['met'], 'fight': ['fought'],
    'shoot': ['shot'], 'strike': ['struck'], 'take': ['took', 'taken'], 'lead': ['led'],
    'seek': ['sought'], 'bring': ['brought'], 'tell': ['told'], 'say': ['said'], 'hit': ['hit'],
}
INSEP = ('her', 'ont', 'ver', 'be', 'er', 'ge')
errors = 0
warnings = 0


def err(path, n, msg):
    global errors
    errors += 1
    print(f'{os.path.relpath(path, ROOT)}:{n}: error: {msg}')


def warn(path, n, msg):
    global warnings
    warnings += 1
    print(f'{os.path.relpath(path, ROOT)}:{n}: warning: {msg}')


def data_lines(path):
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if line.endswith('\r'):
                err(path, n, 'CR line ending')
                line = line.rstrip('\r')
            if not line.strip() or line.startswith('#'):
                continue
            yield n, line


def load_cameo():
    codes = set()
    for _, line in data_lines(os.path.join(LANG_DIR, 'common', 'ontology', 'cameo.tsv')):
        codes.add(line.split('\t')[0])
    return codes


def load_strong(lang):
    path = os.path.join(LANG_DIR, lang, 'morph', 'strong_verbs.tsv')
    strong = {}
    if not os.path.exists(path):
        return strong
    for _, line in data_lines(path):
        c = line.split('\t')
        forms = [x for x in c[1:4] if x and x != '-']
        if len(c) > 4:
            forms += [x for x in c[4].split(',') if x]
        strong[c[0]] = forms
    return strong


def weak_stems(base):
    """Crude Dutch stems of an infinitive: zetten->zet, doden->dood, geven->geef."""
    out = set()
    if base.endswith('en'):
        s = base[:-2]
    elif base.endswith('n'):
        s = base[:-1]
    else:
        s = base
    if len(s) >= 2 and s[-1] == s[-2] and s[-1] not in 'aeiou':
        s = s[:-1]
    elif len(s) >= 3 and s[-2] in 'aeou' and s[-1] not in 'aeiouj' and s[-3] not in 'aeiou':
        s = s[:-1] + s[-2] + s[-1]  # open syllable: long vowel doubled
    out.add(s)
    if s.endswith('v'):
        out.add(s[:-1] + 'f')
    if s.endswith('z'):
        out.add(s[:-1] + 's')
    return {x for x in out if len(x) >= 2}


def verb_forms(lemma, particle, strong, lang):
    base = lemma[len(particle):] if particle != '-' else lemma
    forms = {base[:4]} | weak_stems(base)
    if lang != 'nl':
        forms = {base[:4] if len(base) > 4 else base, base.rstrip('e')[:4]}
        if base.endswith('y'):
            forms.add(base[:-1] + 'i')
        forms |= set(EN_IRREGULAR.get(base, ()))
        forms |= set(strong.get(base, ()))
        return forms
    for s in sorted(strong, key=len, reverse=True):
        if base.endswith(s):
            pre = base[:-len(s)]
            for f in strong[s]:
                forms.add(pre + f)
                if f.startswith('ge') and pre:
                    forms.add(f)
            break
    return {f for f in forms if len(f) >= 2}


def fold(text):
    return unicodedata.normalize('NFKD', text.lower()).encode('ascii', 'ignore').decode()


def contains_form(example, forms):
    ex = fold(example)
    return any(fold(f) in ex for f in forms)


def load_particles(lang):
    path = os.path.join(LANG_DIR, lang, 'morph', 'particles.txt')
    if not os.path.exists(path):
        return []
    return sorted((l.strip() for _, l in data_lines(path)), key=len, reverse=True)


def split_particle(lemma, particles):
    for p in particles:
        if lemma.startswith(p) and len(lemma) - len(p) >= 4:
            return p
    return '-'


def check_refine(path, n, refine, codes, counts):
    if refine == '-':
        return
    for rule in refine.split(';'):
        if rule.count('=') != 1:
            err(path, n, f'refine rule {rule!r} is not kw|kw=CODE')
            continue
        kws, code = rule.split('=')
        if code not in codes:
            err(path, n, f'refine code {code} not in cameo.tsv')
        for kw in kws.split('|'):
            if not kw or kw != kw.lower() or re.search(r'\s', kw):
                err(path, n, f'refine keyword {kw!r} must be one lowercase word')


def check_patterns(lang, codes, strong, support):
    path = os.path.join(LANG_DIR, lang, 'events', 'patterns.tsv')
    known_particles = set(load_particles(lang))
    keys = {}
    roots = Counter()
    kinds = Counter()
    lemmas = set()
    for n, line in data_lines(path):
        c = line.split('\t')
        if len(c) != 11:
            err(path, n, f'{len(c)} columns, want 11')
            continue
        if any(x.strip() != x or x == '' for x in c):
            err(path, n, 'empty column or stray whitespace (use -)')
        kind, lemma, particle, refl, prep, obj, cameo, source, target, refine, example = c
        if kind not in ('verb', 'noun'):
            err(path, n, f'kind {kind!r}')
        if lemma == '-' or lemma != lemma.lower():
            err(path, n, f'lemma {lemma!r}')
        if particle != '-':
            if kind != 'verb':
                err(path, n, 'particle on a noun')
            if not lemma.startswith(particle) or lemma == particle:
                err(path, n, f'particle {particle!r} does not start lemma {lemma!r}')
            if known_particles and particle not in known_particles:
                warn(path, n, f'particle {particle!r} is not in morph/particles.txt')
        if refl not in ('-', 'zich', 'oneself'):
            err(path, n, f'reflexive {refl!r}')
        for col, val in (('prep', prep), ('object', obj)):
            if val != '-' and any(not w or ' ' in w for w in val.split('|')):
                err(path, n, f'{col} {val!r}: alternatives are single words separated by |')
        if kind == 'noun' and obj != '-':
            err(path, n, 'object column on a noun')
        if cameo not in codes or not re.fullmatch(r'\d{2,4}', cameo):
            err(path, n, f'cameo {cameo!r} not in cameo.tsv')
        if not (source in ('subj', 'none') or re.fullmatch(r'pobj:[a-z]+', source)):
            err(path, n, f'source {source!r}')
        if not (target in ('obj', 'recip', 'none') or re.fullmatch(r'pobj:[a-z]+', target)):
            err(path, n, f'target {target!r}')
        check_refine(path, n, refine, codes, None)
        if len(example) < 10 or not example[0].isupper() or example[-1] not in '.!?':
            err(path, n, 'example must be a sentence (capital ... full stop)')
        if kind == 'verb':
            if not contains_form(example, verb_forms(lemma, particle, strong, lang)):
                err(path, n, f'example lacks a form of {lemma!r}')
            if particle != '-' and particle not in example.lower():
                err(path, n, f'example lacks particle {particle!r}')
            if obj != '-' and not any(o[:4] in example.lower() for o in obj.split('|')):
                warn(path, n, 'example lacks any object noun')
            if refl != '-' and lang == 'nl' and not re.search(r'\b(zich|me|mij|ons|je|jullie)\b', example):
                err(path, n, 'example lacks the reflexive pronoun')
        else:
            if lemma[:4] not in example.lower():
                err(path, n, f'example lacks noun {lemma!r}')
            if support and not any(contains_form(example, verb_forms(s, p, strong, lang)) for s, p in support):
                warn(path, n, 'noun example has no support verb')
        key = (kind, lemma, particle, refl, prep, obj)
        if key in keys:
            err(path, n, f'duplicate key (first at line {keys[key]})')
        keys[key] = n
        lemmas.add(lemma)
        roots[cameo[:2]] += 1
        kinds[kind] += 1
    # overlapping objects between rows of the same lemma/prep
    seen = {}
    for (kind, lemma, particle, refl, prep, obj), n in keys.items():
        if obj == '-':
            continue
        for o in obj.split('|'):
            k = (kind, lemma, particle, refl, prep, o)
            if k in seen:
                warn(path, n, f'object {o!r} also on line {seen[k]}')
            seen[k] = n
    return roots, kinds, lemmas


def check_support(lang):
    particles = load_particles(lang)
    path = os.path.join(LANG_DIR, lang, 'events', 'support_verbs.tsv')
    out = []
    seen = {}
    for n, line in data_lines(path):
        c = line.split('\t')
        if len(c) != 2 or c[1] not in ('occur', 'do'):
            err(path, n, 'want lemma<TAB>occur|do')
            continue
        if c[0] in seen:
            err(path, n, f'duplicate lemma (line {seen[c[0]]})')
        seen[c[0]] = n
        out.append((c[0], split_particle(c[0], particles)))
    return out


def check_speech(lang, codes, pattern_lemmas):
    path = os.path.join(LANG_DIR, lang, 'events', 'speech_verbs.tsv')
    seen = {}
    count = 0
    for n, line in data_lines(path):
        c = line.split('\t')
        if len(c) != 3:
            err(path, n, f'{len(c)} columns, want 3')
            continue
        lemma, particle, cameo = c
        if particle != '-' and not lemma.startswith(particle):
            err(path, n, f'particle {particle!r} does not start lemma')
        if cameo not in codes:
            err(path, n, f'cameo {cameo} not in cameo.tsv')
        elif not cameo.startswith('01'):
            warn(path, n, f'speech verb with non-statement code {cameo}')
        if lemma in seen:
            err(path, n, f'duplicate lemma (line {seen[lemma]})')
        seen[lemma] = n
        count += 1
    return count


def check_cues(lang):
    path = os.path.join(LANG_DIR, lang, 'events', 'cues.tsv')
    seen = set()
    cats = Counter()
    for n, line in data_lines(path):
        c = line.split('\t')
        if len(c) != 2 or not c[1]:
            err(path, n, 'want category<TAB>word')
            continue
        if c[0] not in CUE_CATEGORIES:
            err(path, n, f'unknown category {c[0]!r}')
        if tuple(c) in seen:
            err(path, n, 'duplicate entry')
        seen.add(tuple(c))
        cats[c[0]] += 1
    for cat in sorted(CUE_CATEGORIES - set(cats)):
        err(path, 0, f'category {cat} has no entries')
    return cats


def main():
    langs = sys.argv[1:] or ['nl', 'en']
    codes = load_cameo()
    for lang in langs:
        d = os.path.join(LANG_DIR, lang, 'events')
        if not os.path.isdir(d):
            print(f'{lang}: no events directory, skipped')
            continue
        strong = load_strong(lang)
        support = check_support(lang)
        roots, kinds, lemmas = check_patterns(lang, codes, strong, support)
        nspeech = check_speech(lang, codes, lemmas)
        cats = check_cues(lang)
        print(f'{lang}: {sum(kinds.values())} patterns ({kinds["verb"]} verb, {kinds["noun"]} noun), '
              f'{len(support)} support verbs, {nspeech} speech verbs, {sum(cats.values())} cues')
        print(f'{lang}: per root: ' + ' '.join(f'{r}:{roots[r]}' for r in sorted(roots)))
        missing = [f'{i:02d}' for i in range(1, 21) if f'{i:02d}' not in roots]
        if missing:
            print(f'{lang}: roots without patterns: {" ".join(missing)}')
    print(f'{errors} errors, {warnings} warnings')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
