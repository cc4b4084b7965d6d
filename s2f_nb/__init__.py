"""Active learning for biological sequence-to-function tasks: which DNA, RNA or protein sequences to measure next.

Modules:

- `s2f_nb.acquisition`: Batch-mode acquisition functions: which of the candidates to send to the oracle. Deterministic under a seed, fed by a student's predictions, uncertainties, embeddings or posterior samples, and incremental where the naive version would recompute all distances every step.
- `s2f_nb.alphagenome`: A frozen AlphaGenome sequence encoder with a trainable probing head, behind the same model and oracle interfaces; it runs offline with user-supplied weights through the `alphagenome-pytorch` port.
- `s2f_nb.benchmark`: Run a grid of acquisition strategies × seeds on a task with the lookup oracle, and summarise it: learning curves with a band over seeds, area under the curve, and each strategy's difference from random with its spread; and the same budget spent in different numbers of rounds or chosen from pools of different sizes; and what each strategy costs.
- `s2f_nb.campaigns`: The ALDE setting as a benchmark: the whole measured landscape is the candidate pool, a campaign is a schedule of acquisitions, and every round reports the best fitness found, whether the global maximum was found, top-k hits and held-out Spearman.
- `s2f_nb.clade`: Cluster-learning-assisted directed evolution (Qiu, Hu & Wei 2021) as an acquisition: hierarchical k-means of the encoded library, clusters drawn in proportion to their measured fitness.
- `s2f_nb.cli`: `s2f campaign init | propose | import | update | status | export | report` runs a whole lab campaign from the shell, `s2f grid run | status | collect` an experiment grid; `--help` on every command.
- `s2f_nb.codes`: Code matrices too big for a device or a process: `.npy` arrays written chunk by chunk, published atomically, memory-mapped read-only; and the DREAM random-promoter design generated in chunks.
- `s2f_nb.core`: Alphabets, vectorized encoding to codes and one-hot, reverse complement, padding and k-mer counts.
- `s2f_nb.data`: Where data lives, how files are read and checked, how a `Task` becomes cached code arrays, and checksummed downloads.
- `s2f_nb.design`: From a trained student to a list of sequences to order: candidates from reservoirs guided by the student, synthesis constraints enforced, a batch picked by an acquisition, and a ranked FASTA + CSV with predicted activity, uncertainty, distance to the nearest measured sequence and the reservoir each came from.
- `s2f_nb.dream`: The 18-bin soft labels of Prix Fixe and the DREAM Challenge's weighted Pearson/Spearman score over the official test subsets.
- `s2f_nb.encoders`: Protein sequences → fixed-size features: one-hot, AAIndex and Georgiev physicochemical components, UniRep and ESM-2 embeddings, with an embedding cache.
- `s2f_nb.grid`: A grid of papermill parameters → one executed notebook per cell, in a local process pool or on SLURM through submitit; finished cells are skipped on a re-run and every cell's results are collected into one table.
- `s2f_nb.lab`: Propose → assay → import → update, for DNA, RNA and protein: a campaign folder with its store, candidates and student versions, driven from Python or from the `s2f campaign` command line.
- `s2f_nb.loading`: Training batches read from a memory-mapped pool through `scdataset`: streaming, buffer-shuffled streaming, block shuffling, random sampling and weighted sampling with blocks of 16 or 1, with rank splitting for `torch.distributed`.
- `s2f_nb.loop`: Rounds of candidates → acquisition → oracle → retraining → evaluation, one results row per round, written atomically, checkpointed after every round and resumable after a crash with identical results.
- `s2f_nb.mmseqs_split`: Cluster-then-split with MMseqs2 linclust (both strands, exact copies joined): a homology-aware train/val/test split that scales to millions of sequences, checked against hashFrag's BLAST homology.
- `s2f_nb.models`: DREAM-RNN (Prix Fixe), the DeepSTARR CNN and a small CNN: one interface with `embed()`, a FLOPs estimate and tiny configs.
- `s2f_nb.oracle_metrics`: Scores computed with an oracle on designed or acquired sequences: activity, specificity, argmax accuracy, Fréchet distance in the oracle's embedding space, k-mer uniqueness, edit-distance diversity and edit deltas.
- `s2f_nb.oracles`: Label sequences in silico: measured labels looked up from a task, or a model trained on a whole task by the DeepSTARR recipe (optionally a k-fold ensemble), saved as `oracle.pt` and rebuilt from it.
- `s2f_nb.overlap`: Sequences shared by two tasks or splits: exact matches on both strands, near matches by BLAST as in the homology split, a summary of both, and dropping the shared rows.
- `s2f_nb.pool`: Labeled, unlabeled, validation and test index sets over a task, disjoint by construction, saved and loaded.
- `s2f_nb.proposals`: A mutation budget and constrained positions for pool campaigns: only variants within `max_mutations` of a parent that change only the allowed positions are candidates.
- `s2f_nb.protein_students`: Students on fixed protein features, with uncertainty and posterior samples: bagged ridge, Bayesian ridge, a Gaussian process with pathwise samples, a bagged MLP ensemble and a bagged boosting ensemble.
- `s2f_nb.report`: One self-contained HTML page per lab campaign: what was measured in each round, how well the student's predictions held up, where the next batch sits among the candidates, and the student versions; checked in a headless browser.
- `s2f_nb.reservoirs`: Where candidates come from: members of a pool, or new sequences generated from seeds (random with matched GC, dinucleotide shuffles, mutagenesis, EvoAug structural edits, JASPAR motif planting, recombination, and evolution guided by the student). Every generated sequence is checked before it leaves the reservoir.
- `s2f_nb.rl`: A reinforcement-learning proposal head: a small A2C policy over edits (position, residue) from a parent sequence, rewarded by the student's prediction minus a mutation penalty, with an edit budget and constrained positions.
- `s2f_nb.rna`: RNA degradation (OpenVaccine), secondary structures (ArchiveII, bpRNA-90 short) and ncRNA classes (nRC) as tasks; dot-bracket parsing, structure classes, base-pair F1 and an RNAfold baseline.
- `s2f_nb.scaling`: How does a model's test performance grow with the number of labelled sequences? Train on nested subsets of increasing size (several seeds), fit a saturating power law, and read off small / medium / large data regimes.
- `s2f_nb.sparse`: Back-propagate only the samples that matter: per-sample losses, a PI-controlled importance threshold, the selection step inside `fit`, and what it saves, measured against full training and random subsampling.
- `s2f_nb.splits`: Seeded random, chromosome and homology-aware (hashFrag + BLAST+) train/val/test splits, cached as index files.
- `s2f_nb.store`: One DuckDB file per lab campaign: settings, variants, rounds, proposals, assays and student versions; every write one transaction published atomically, assay files checked row by row before anything is written.
- `s2f_nb.students`: The models an active-learning loop retrains every round: `fit`, `predict`, `uncertainty` and `embed` on sequences, with ensembles, batched MC dropout (full or last-layer) and the total variance decomposed.
- `s2f_nb.summary`: One table of every built-in task found in the data directory: rows, length, label statistics and split sizes. This is the README's main job for now.
- `s2f_nb.synthesis`: Can this sequence be ordered and cloned? Restriction sites absent on both strands, GC content within bounds, no long homopolymers, fixed flanks kept: checked on the whole construct, as a table of named problems or as a fast mask over millions of candidates.
- `s2f_nb.tasks`: Real data sets, each read from its official file format: yeast DREAM 2022, K562 (Gosai 2023), human lentiMPRA (Agarwal 2025), DeepSTARR, GB1, ProteinGym, 5′ UTR ribosome load.
- `s2f_nb.training`: One `fit` for every model: data kept encoded on the device, AdamW with OneCycle or plateau schedules, bf16 on GPU, early stopping on validation Pearson, reverse-complement augmentation, MSE or the 18-bin KL loss, atomic artifacts.
- `s2f_nb.transformer`: A pre-LayerNorm transformer encoder for RNA/DNA (Genesis-RNA design): tokenizer, BERT masking, MLM / structure / base-pair / sequence / mutation-effect heads, a multitask loss, MLM pretraining, and a registered `SeqModel`.
- `s2f_nb.unirep`: UniRep's multiplicative LSTM with its published UniRef50 weights, in PyTorch: embeddings (mean hidden state over the sequence or over chosen sites) and a zero-shot next-residue log-likelihood."""

__version__ = "0.1.0"
