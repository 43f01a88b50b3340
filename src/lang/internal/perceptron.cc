// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/internal/perceptron.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace kroniek::lang::internal {

PerceptronModel::PerceptronModel(int num_classes, const std::vector<Row>& rows)
    : num_classes_(num_classes), num_rows_(rows.size()) {
  size_t cap = 16;
  while (cap < rows.size() * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  size_t total = 0;
  for (const Row& r : rows) total += r.weights.size();
  weights_.reserve(total);
  for (const Row& r : rows) {
    size_t i = r.key & (cap - 1);
    while (slots_[i].key != 0) i = (i + 1) & (cap - 1);
    slots_[i].key = r.key;
    slots_[i].begin = static_cast<uint32_t>(weights_.size());
    slots_[i].count = static_cast<uint32_t>(r.weights.size());
    for (const auto& [c, w] : r.weights) weights_.push_back({c, w});
  }
}

const PerceptronModel::Slot* PerceptronModel::Find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  const size_t m = slots_.size() - 1;
  for (size_t i = key & m;; i = (i + 1) & m) {
    const Slot& s = slots_[i];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
  }
}

void PerceptronModel::Prefetch(const uint64_t* keys, size_t n) const {
  if (slots_.empty()) return;
  const size_t m = slots_.size() - 1;
  for (size_t k = 0; k < n; ++k) __builtin_prefetch(&slots_[keys[k] & m]);
}

void PerceptronModel::Score(const uint64_t* keys, size_t n, float* scores) const {
  // Most lookups miss the cache (the table is megabytes): touch every
  // key's home slot first so the misses overlap, then probe.
  Prefetch(keys, n);
  for (size_t k = 0; k < n; ++k) {
    const Slot* s = Find(keys[k]);
    if (s == nullptr) continue;
    const Weight* w = weights_.data() + s->begin;
    for (uint32_t j = 0; j < s->count; ++j) scores[w[j].cls] += w[j].w;
  }
}

std::vector<PerceptronModel::Row> PerceptronModel::Rows() const {
  std::vector<Row> rows;
  rows.reserve(num_rows_);
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    Row r{s.key, {}};
    for (uint32_t j = 0; j < s.count; ++j) {
      r.weights.emplace_back(static_cast<uint8_t>(weights_[s.begin + j].cls),
                             weights_[s.begin + j].w);
    }
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  return rows;
}

void PerceptronTrainer::Score(const uint64_t* keys, size_t n, float* scores) const {
  for (size_t k = 0; k < n; ++k) {
    auto it = rows_.find(keys[k]);
    if (it == rows_.end()) continue;
    const float* w = w_.data() + static_cast<size_t>(it->second) * num_classes_;
    for (int c = 0; c < num_classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::Update(const uint64_t* keys, size_t n, int gold, int predicted) {
  ++clock_;
  if (gold == predicted) return;
  for (size_t k = 0; k < n; ++k) {
    auto [it, inserted] = rows_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
    if (inserted) {
      w_.resize(w_.size() + num_classes_, 0.0f);
      total_.resize(total_.size() + num_classes_, 0.0f);
      stamp_.resize(stamp_.size() + num_classes_, 0);
    }
    const size_t base = static_cast<size_t>(it->second) * num_classes_;
    for (int c : {gold, predicted}) {
      const size_t i = base + c;
      total_[i] += static_cast<float>(clock_ - stamp_[i]) * w_[i];
      stamp_[i] = clock_;
      w_[i] += (c == gold) ? 1.0f : -1.0f;
    }
  }
}

void PerceptronTrainer::Add(const uint64_t* keys, size_t n, int cls, float delta) {
  for (size_t k = 0; k < n; ++k) {
    auto [it, inserted] = rows_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
    if (inserted) {
      w_.resize(w_.size() + num_classes_, 0.0f);
      total_.resize(total_.size() + num_classes_, 0.0f);
      stamp_.resize(stamp_.size() + num_classes_, 0);
    }
    const size_t i = static_cast<size_t>(it->second) * num_classes_ + cls;
    total_[i] += static_cast<float>(clock_ - stamp_[i]) * w_[i];
    stamp_[i] = clock_;
    w_[i] += delta;
  }
}

PerceptronModel PerceptronTrainer::Average(float prune_below) const {
  std::vector<PerceptronModel::Row> rows;
  rows.reserve(rows_.size());
  const double now = static_cast<double>(clock_ == 0 ? 1 : clock_);
  for (const auto& [key, row] : rows_) {
    PerceptronModel::Row r{key, {}};
    const size_t base = static_cast<size_t>(row) * num_classes_;
    for (int c = 0; c < num_classes_; ++c) {
      const size_t i = base + c;
      double total = total_[i] + static_cast<double>(clock_ - stamp_[i]) * w_[i];
      float avg = static_cast<float>(total / now);
      if (std::fabs(avg) >= prune_below) r.weights.emplace_back(static_cast<uint8_t>(c), avg);
    }
    if (!r.weights.empty()) rows.push_back(std::move(r));
  }
  // Deterministic layout regardless of hash map iteration order.
  std::sort(rows.begin(), rows.end(),
            [](const PerceptronModel::Row& a, const PerceptronModel::Row& b) {
              return a.key < b.key;
            });
  return PerceptronModel(num_classes_, rows);
}

template <typename Scorer>
void GreedyDecode(const Scorer& scorer, const SentenceFeatures& sf, uint32_t feature_set,
                  const TransitionMask& mask, std::vector<int>* tags,
                  std::vector<float>* probs) {
  const int num_classes = scorer.num_classes();
  const size_t n = sf.size();
  tags->assign(n, 0);
  if (probs != nullptr) probs->assign(n, 1.0f);
  std::vector<float> scores(num_classes);
  std::vector<uint64_t> dyn;
  for (size_t i = 0; i < n; ++i) {
    std::fill(scores.begin(), scores.end(), 0.0f);
    scorer.Score(sf.keys.data() + sf.begin[i], sf.begin[i + 1] - sf.begin[i], scores.data());
    const int prev1 = i > 0 ? (*tags)[i - 1] : -1;
    const int prev2 = i > 1 ? (*tags)[i - 2] : -1;
    dyn.clear();
    AppendDynamic(sf, i, prev1, prev2, feature_set, &dyn);
    scorer.Score(dyn.data(), dyn.size(), scores.data());
    int best = -1;
    for (int c = 0; c < num_classes; ++c) {
      if (!mask.empty() && !mask[static_cast<size_t>(prev1 + 1) * num_classes + c]) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    if (best < 0) best = 0;
    (*tags)[i] = best;
    if (probs != nullptr) {
      double z = 0;
      for (int c = 0; c < num_classes; ++c) z += std::exp(static_cast<double>(scores[c] - scores[best]));
      (*probs)[i] = static_cast<float>(1.0 / z);
    }
  }
}

// PerceptronTrainer needs num_classes() for the template.
template void GreedyDecode<PerceptronModel>(const PerceptronModel&, const SentenceFeatures&,
                                            uint32_t, const TransitionMask&, std::vector<int>*,
                                            std::vector<float>*);

template <typename Scorer>
ViterbiTables MakeViterbiTables(const Scorer& scorer) {
  ViterbiTables t;
  const int c = scorer.num_classes();
  const int h = c + 1;
  t.num_classes = c;
  t.hist.assign(static_cast<size_t>(h) * h * c, 0.0f);
  for (int h2 = 0; h2 < h; ++h2) {
    for (int h1 = 0; h1 < h; ++h1) {
      const uint64_t keys[2] = {Prev1Key(h1 - 1), Prev12Key(h1 - 1, h2 - 1)};
      scorer.Score(keys, 2, t.hist.data() + (static_cast<size_t>(h2) * h + h1) * c);
    }
  }
  return t;
}

namespace {
constexpr float kNegInf = -1e30f;

// Per-thread decoding buffers, reused across sentences.
struct ViterbiScratch {
  std::vector<float> emit;   // n x C: static scores
  std::vector<float> local;  // n x (C + 1) x C: (token, previous tag) scores
  std::vector<float> delta;  // n x (C + 1) x C: best score of state (h1, c) at i
  std::vector<uint8_t> back;
  std::vector<uint64_t> keys;
};
}  // namespace

template <typename Scorer>
void ViterbiDecode(const Scorer& scorer, const ViterbiTables& tables, const SentenceFeatures& sf,
                   uint32_t feature_set, const TransitionMask& mask, std::vector<int>* tags,
                   std::vector<float>* probs) {
  thread_local ViterbiScratch x;
  const int c = scorer.num_classes();
  const int h = c + 1;
  const size_t n = sf.size();
  const size_t states = static_cast<size_t>(h) * c;
  tags->assign(n, 0);
  if (probs != nullptr) probs->assign(n, 1.0f);
  if (n == 0) return;
  x.emit.assign(n * c, 0.0f);
  x.local.assign(n * states, 0.0f);
  x.delta.assign(n * states, kNegInf);
  x.back.assign(n * states, 0);
  const float* hist = tables.hist.data();
  auto allowed = [&](int h1, int cls) { return mask.empty() || mask[h1 * c + cls] != 0; };
  for (size_t i = 0; i < n; ++i) {
    float* e = x.emit.data() + i * c;
    if (i + 1 < n) scorer.Prefetch(sf.keys.data() + sf.begin[i + 1], sf.begin[i + 2] - sf.begin[i + 1]);
    scorer.Score(sf.keys.data() + sf.begin[i], sf.begin[i + 1] - sf.begin[i], e);
    float* loc = x.local.data() + i * states;
    const int h1_first = i == 0 ? 0 : 1, h1_last = i == 0 ? 0 : c;
    x.keys.clear();
    for (int h1 = h1_first; h1 <= h1_last; ++h1) {
      AppendTokenPrevKeys(sf, i, h1 - 1, feature_set, &x.keys);
    }
    scorer.Prefetch(x.keys.data(), x.keys.size());
    const size_t per = x.keys.size() / static_cast<size_t>(h1_last - h1_first + 1);
    for (int h1 = h1_first; h1 <= h1_last; ++h1) {
      scorer.Score(x.keys.data() + (h1 - h1_first) * per, per, loc + h1 * c);
    }
    float* d = x.delta.data() + i * states;
    uint8_t* bp = x.back.data() + i * states;
    if (i == 0) {
      for (int cls = 0; cls < c; ++cls) {
        if (allowed(0, cls)) d[cls] = e[cls] + loc[cls] + hist[cls];
      }
      continue;
    }
    const float* dp = d - states;  // previous position
    for (int h1 = 1; h1 <= c; ++h1) {
      // Best way into state (h2, h1 - 1) at i - 1, for each h2.
      for (int cls = 0; cls < c; ++cls) {
        if (!allowed(h1, cls)) continue;
        const float base = e[cls] + loc[h1 * c + cls];
        float best = kNegInf;
        int arg = 0;
        for (int h2 = 0; h2 < h; ++h2) {
          const float prev = dp[h2 * c + (h1 - 1)];
          if (prev <= kNegInf) continue;
          const float v = prev + hist[(static_cast<size_t>(h2) * h + h1) * c + cls];
          if (v > best) {
            best = v;
            arg = h2;
          }
        }
        if (best <= kNegInf) continue;
        d[h1 * c + cls] = best + base;
        bp[h1 * c + cls] = static_cast<uint8_t>(arg);
      }
    }
  }
  // Best final state, then follow back pointers.
  const float* d = x.delta.data() + (n - 1) * states;
  size_t best_state = 0;
  for (size_t st = 1; st < states; ++st) {
    if (d[st] > d[best_state]) best_state = st;
  }
  int h1 = static_cast<int>(best_state) / c, cls = static_cast<int>(best_state) % c;
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = cls;
    if (i == 0) break;
    const int h2 = x.back[i * states + h1 * c + cls];
    cls = h1 - 1;
    h1 = h2;
  }
  if (probs == nullptr) return;
  for (size_t i = 0; i < n; ++i) {
    const int p1 = i > 0 ? (*tags)[i - 1] + 1 : 0, p2 = i > 1 ? (*tags)[i - 2] + 1 : 0;
    const float* e = x.emit.data() + i * c;
    const float* loc = x.local.data() + i * states + p1 * c;
    const float* hs = hist + (static_cast<size_t>(p2) * h + p1) * c;
    const int chosen = (*tags)[i];
    const float top = e[chosen] + loc[chosen] + hs[chosen];
    double z = 0;
    for (int k = 0; k < c; ++k) {
      if (allowed(p1, k)) z += std::exp(static_cast<double>(e[k] + loc[k] + hs[k] - top));
    }
    (*probs)[i] = static_cast<float>(1.0 / z);
  }
}

template ViterbiTables MakeViterbiTables<PerceptronModel>(const PerceptronModel&);
template void ViterbiDecode<PerceptronModel>(const PerceptronModel&, const ViterbiTables&,
                                             const SentenceFeatures&, uint32_t,
                                             const TransitionMask&, std::vector<int>*,
                                             std::vector<float>*);

namespace {

PerceptronModel TrainStructured(const std::vector<TrainSentence>& data, int num_classes,
                                const TrainOptions& options) {
  PerceptronTrainer trainer(num_classes);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<uint64_t> keys;
  std::vector<int> pred;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t s : order) {
      const TrainSentence& ts = data[s];
      const SentenceFeatures& sf = ts.features;
      // History weights change with every update: re-read them (C^2 lookups).
      const ViterbiTables tables = MakeViterbiTables(trainer);
      ViterbiDecode(trainer, tables, sf, options.feature_set, options.mask, &pred, nullptr);
      trainer.Tick();
      if (pred == ts.gold) continue;
      for (size_t i = 0; i < sf.size(); ++i) {
        const int g1 = i > 0 ? ts.gold[i - 1] : -1, g2 = i > 1 ? ts.gold[i - 2] : -1;
        const int p1 = i > 0 ? pred[i - 1] : -1, p2 = i > 1 ? pred[i - 2] : -1;
        const int g = ts.gold[i], p = pred[i];
        if (g == p && g1 == p1 && g2 == p2) continue;  // identical features cancel
        const uint64_t* st = sf.keys.data() + sf.begin[i];
        const size_t ns = sf.begin[i + 1] - sf.begin[i];
        if (g != p) {
          trainer.Add(st, ns, g, 1.0f);
          trainer.Add(st, ns, p, -1.0f);
        }
        keys.clear();
        AppendDynamic(sf, i, g1, g2, options.feature_set, &keys);
        trainer.Add(keys.data(), keys.size(), g, 1.0f);
        keys.clear();
        AppendDynamic(sf, i, p1, p2, options.feature_set, &keys);
        trainer.Add(keys.data(), keys.size(), p, -1.0f);
      }
    }
    if (options.on_epoch) options.on_epoch(epoch, trainer.Average(options.prune_below));
  }
  return trainer.Average(options.prune_below);
}

}  // namespace

PerceptronModel TrainGreedy(const std::vector<TrainSentence>& data, int num_classes,
                            const TrainOptions& options) {
  if (options.feature_set & kDecodeViterbi) return TrainStructured(data, num_classes, options);
  PerceptronTrainer trainer(num_classes);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores(num_classes);
  std::vector<uint64_t> keys;
  std::vector<int> tags;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with our own index draw: std::shuffle's algorithm is
    // unspecified, which would make models differ across standard libraries.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t s : order) {
      const TrainSentence& ts = data[s];
      const SentenceFeatures& sf = ts.features;
      tags.assign(sf.size(), 0);
      for (size_t i = 0; i < sf.size(); ++i) {
        keys.assign(sf.keys.begin() + sf.begin[i], sf.keys.begin() + sf.begin[i + 1]);
        const int prev1 = i > 0 ? tags[i - 1] : -1;
        const int prev2 = i > 1 ? tags[i - 2] : -1;
        AppendDynamic(sf, i, prev1, prev2, options.feature_set, &keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(keys.data(), keys.size(), scores.data());
        int best = -1;
        for (int c = 0; c < num_classes; ++c) {
          if (!options.mask.empty() &&
              !options.mask[static_cast<size_t>(prev1 + 1) * num_classes + c]) {
            continue;
          }
          if (best < 0 || scores[c] > scores[best]) best = c;
        }
        if (best < 0) best = 0;
        trainer.Update(keys.data(), keys.size(), ts.gold[i], best);
        tags[i] = best;
      }
    }
    if (options.on_epoch) options.on_epoch(epoch, trainer.Average(options.prune_below));
  }
  return trainer.Average(options.prune_below);
}

}  // namespace kroniek::lang::internal
