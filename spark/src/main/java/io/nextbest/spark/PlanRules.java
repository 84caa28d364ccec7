package io.nextbest.spark;

import io.nextbest.Channel;
import io.nextbest.RulePack;
import io.nextbest.outbound.OutboundPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the driver hands every executor, once, as a broadcast: the rule pack's files and the outbound policy's, as
 * bytes, with the pack's content hash. An executor rebuilds the engine and the policy from these bytes, so every
 * executor decides with the rules the driver read, wherever its own class path or folders point.
 */
final class PlanRules implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_POLICY = "io/nextbest/rules/outbound/";

    private final String packOrigin;
    /** The pack's files in its order: a precompiled pack is found only for its files in the order compiled. */
    private final List<String> packNames;
    private final List<byte[]> packBytes;
    private String ruleSetVersion;
    private final String policyOrigin;
    private final Map<String, byte[]> policyFiles;
    /** The center's contacts per channel and day in place of the policy's; empty: the policy's own. */
    private final Map<Channel, Integer> capacity;

    private PlanRules(RulePack pack, String policyOrigin, Map<String, byte[]> policyFiles,
                      Map<Channel, Integer> capacity) {
        this.packOrigin = pack.origin();
        this.packNames = new ArrayList<>();
        this.packBytes = new ArrayList<>();
        pack.files().forEach(f -> {
            packNames.add(f.name());
            packBytes.add(f.content());
        });
        this.ruleSetVersion = pack.contentHash();
        this.policyOrigin = policyOrigin;
        this.policyFiles = new LinkedHashMap<>(policyFiles);
        this.capacity = new EnumMap<>(Channel.class);
        this.capacity.putAll(capacity);
    }

    static PlanRules of(RulePack pack, String policyOrigin, Map<String, byte[]> policyFiles,
                        Map<Channel, Integer> capacity) {
        return new PlanRules(pack, policyOrigin, policyFiles, capacity);
    }

    /** These rules as a driver that claims another version would send them: for the test of the executors' check. */
    PlanRules claiming(String version) {
        PlanRules other = new PlanRules(pack(), policyOrigin, policyFiles, capacity);
        other.ruleSetVersion = version;
        return other;
    }

    /** The default pack's outbound policy files, from the class path. */
    static Map<String, byte[]> defaultPolicyFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ClassLoader loader = PlanRules.class.getClassLoader();
        for (String name : OutboundPolicy.FILES) {
            try (InputStream in = loader.getResourceAsStream(DEFAULT_POLICY + name)) {
                if (in != null) {
                    files.put(name, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_POLICY + name, e);
            }
        }
        return files;
    }

    /** The policy files of a folder; a missing file is left for the policy's reading to report. */
    static Map<String, byte[]> policyFiles(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : OutboundPolicy.FILES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    files.put(name, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return files;
    }

    static String defaultPolicyOrigin() {
        return "classpath:" + DEFAULT_POLICY;
    }

    /** The pack, as the driver read it. */
    RulePack pack() {
        List<RulePack.RuleFile> files = new ArrayList<>();
        for (int i = 0; i < packNames.size(); i++) {
            files.add(new RulePack.RuleFile(packNames.get(i), packBytes.get(i)));
        }
        return RulePack.of(packOrigin, files);
    }

    /** The version of the rules (the pack's content hash) that every executor's engine must have. */
    String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** The policy, as the driver read it, with the capacity asked for. */
    OutboundPolicy policy() {
        OutboundPolicy policy = OutboundPolicy.read(policyOrigin, policyFiles);
        return capacity.isEmpty() ? policy : policy.withCapacity(capacity);
    }

    /** Names this pack, policy and capacity together: equal keys, equal planners. */
    String key() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ruleSetVersion.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            new TreeMap<>(policyFiles).forEach((name, bytes) -> {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                digest.update((byte) 0);
            });
            digest.update(capacity.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return ruleSetVersion + "/" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
