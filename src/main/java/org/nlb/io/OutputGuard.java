package org.nlb.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The one check every writer makes before it writes: an output must not be one of the
 * command's own inputs, nor a directory that holds one, nor lie inside a data set it reads. nlb
 * never changes what it reads, and {@code --force} replaces a whole directory, so an output that
 * merely contains an input would destroy it. Paths are compared after resolving symbolic links
 * and {@code ..} ({@link #canonical}); a hard link to an input counts as the input.
 *
 * <pre>{@code
 * OutputGuard.output(out).inputs(spec.inputs("--data")).file("--subset", subset).check();
 * }</pre>
 * A refusal is a {@link BadInputException} about the output, so the command line prints one line
 * {@code error: <out>: is an input (--subset p.npy); nlb never overwrites its inputs}.
 */
public final class OutputGuard {
    /** Symbolic links followed in one path before giving up, as Linux's ELOOP limit. */
    private static final int MAX_LINKS = 40;

    /**
     * Something a command reads.
     *
     * @param label how the user named it, for the message, e.g. {@code --subset split/pretrain.npy}
     * @param path the file or directory
     * @param tree whether the whole directory is read (a data set): then the output may not lie
     *     inside it either; otherwise (a file, an encoder directory) it may only not be or contain it
     */
    public record Input(String label, Path path, boolean tree) {
        /** A file or directory the output may not be or contain; {@code label} is the option that named it. */
        public static Input file(String option, Path path) {
            return new Input(option + " " + path, path, false);
        }

        /** A directory read whole, which the output may not be, contain, or lie inside. */
        public static Input tree(String label, Path dir) {
            return new Input(label, dir, true);
        }
    }

    private final Path out;
    private final List<Input> inputs = new ArrayList<>();

    private OutputGuard(Path out) {
        this.out = out;
    }

    /** Starts the check of {@code out}, a file or directory about to be written. */
    public static OutputGuard output(Path out) {
        return new OutputGuard(out);
    }

    /** Adds a file (or encoder directory) named by {@code option}; a null path is no input. */
    public OutputGuard file(String option, Path path) {
        if (path != null) {
            inputs.add(Input.file(option, path));
        }
        return this;
    }

    /** As {@link #file(String, Path)}, for an option that may be absent. */
    public OutputGuard file(String option, Optional<Path> path) {
        return file(option, path.orElse(null));
    }

    /** Adds inputs described elsewhere, such as the files and directories of a data set spec. */
    public OutputGuard inputs(Collection<Input> more) {
        inputs.addAll(more);
        return this;
    }

    /** Refuses the output if it is, contains, or (for a data set) lies inside an input; writes nothing. */
    public void check() {
        Path o = canonical(out);
        for (Input input : inputs) {
            Path i = canonical(input.path());
            if (o.equals(i) || sameExistingFile(out, input.path())) {
                throw new BadInputException(out, "is an input (" + input.label() + "); nlb never overwrites its inputs");
            }
            if (i.startsWith(o)) {
                throw new BadInputException(out, "contains an input (" + input.label()
                        + "); nlb never overwrites its inputs");
            }
            if (input.tree() && o.startsWith(i)) {
                throw new BadInputException(out, "is inside an input (" + input.label()
                        + "); nlb never writes into its inputs");
            }
        }
    }

    /**
     * {@code p} as an absolute path with every symbolic link and {@code .}/{@code ..} resolved,
     * component by component, as far as the path exists; the rest is kept as written (a dangling
     * link is followed to where writing through it would create its target).
     */
    public static Path canonical(Path p) {
        Path abs = p.toAbsolutePath();
        Path resolved = abs.getRoot();
        Deque<String> todo = new ArrayDeque<>();
        abs.forEach(name -> todo.addLast(name.toString()));
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                // resolved holds no links, so its parent is the real parent
                resolved = resolved.getParent() == null ? resolved : resolved.getParent();
                continue;
            }
            Path next = resolved.resolve(name);
            if (!Files.isSymbolicLink(next)) {
                resolved = next;
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new BadInputException(p, "cannot resolve: too many levels of symbolic links");
            }
            Path target;
            try {
                target = Files.readSymbolicLink(next);
            } catch (IOException e) {
                throw InputFiles.cannotRead(next, e);
            }
            List<String> names = new ArrayList<>();
            target.forEach(n -> names.add(n.toString()));
            for (int k = names.size() - 1; k >= 0; k--) {
                todo.addFirst(names.get(k));
            }
            if (target.isAbsolute()) {
                resolved = target.getRoot();
            }
        }
        return resolved;
    }

    /** Whether both exist and are one file (a hard link, a bind mount), which path names cannot tell. */
    private static boolean sameExistingFile(Path a, Path b) {
        if (!Files.exists(a) || !Files.exists(b)) {
            return false;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
