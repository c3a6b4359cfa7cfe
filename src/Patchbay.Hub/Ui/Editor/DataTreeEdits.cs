using Patchbay.Core.Model;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// Edits of an immutable data tree, each addressed by the index path of a node (<c>[1, 0]</c>: the first child
/// of the second top-level field) and giving a new tree, so the editor never mutates what the draft holds.
/// </summary>
public static class DataTreeEdits
{
    /// <summary>Adds a String field at the end of the top level.</summary>
    public static ValueList<DataNode> AddTop(ValueList<DataNode> tree) =>
        [.. tree, DataNode.Leaf(FreeName(tree), DataType.String)];

    /// <summary>Adds a String field as the last child of the node (which becomes an Object if it was not one).</summary>
    public static ValueList<DataNode> AddChild(ValueList<DataNode> tree, IReadOnlyList<int> path) =>
        Update(tree, path, node => node with { Type = DataType.Object, Children = [.. node.Children, DataNode.Leaf(FreeName(node.Children), DataType.String)] });

    /// <summary>Adds a String field right after the node, at its level.</summary>
    public static ValueList<DataNode> AddSibling(ValueList<DataNode> tree, IReadOnlyList<int> path) =>
        UpdateSiblings(tree, path, (siblings, index) =>
        {
            var list = siblings.ToList();
            list.Insert(index + 1, DataNode.Leaf(FreeName(siblings), DataType.String));
            return list.ToValueList();
        });

    public static ValueList<DataNode> Delete(ValueList<DataNode> tree, IReadOnlyList<int> path) =>
        UpdateSiblings(tree, path, (siblings, index) => siblings.Where((_, i) => i != index).ToValueList());

    /// <summary>Moves the node one place up (-1) or down (+1) among its siblings; nothing happens at either end.</summary>
    public static ValueList<DataNode> Move(ValueList<DataNode> tree, IReadOnlyList<int> path, int offset) =>
        UpdateSiblings(tree, path, (siblings, index) =>
        {
            var target = index + offset;
            if (target < 0 || target >= siblings.Count)
            {
                return siblings;
            }

            var list = siblings.ToList();
            (list[index], list[target]) = (list[target], list[index]);
            return list.ToValueList();
        });

    /// <summary>
    /// Whether the node at <paramref name="source"/> may be dropped at <paramref name="target"/>: both exist, the target
    /// is neither the node nor one of its descendants, and a node goes inside an Object node only.
    /// </summary>
    public static bool CanMoveTo(ValueList<DataNode> tree, IReadOnlyList<int> source, IReadOnlyList<int> target, DropPlace place)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return At(tree, source) is not null
            && At(tree, target) is { } destination
            && !IsWithin(target, source)
            && (place != DropPlace.Inside || destination.Type == DataType.Object);
    }

    /// <summary>
    /// Moves the node at <paramref name="source"/> (with its children) before, after or inside the node at
    /// <paramref name="target"/>; nothing happens when <see cref="CanMoveTo"/> says no. A node that changes parent and
    /// meets a sibling of the same name gets a free one (<c>id</c> becomes <c>id2</c>), so names stay unique at each level.
    /// </summary>
    public static ValueList<DataNode> MoveTo(ValueList<DataNode> tree, IReadOnlyList<int> source, IReadOnlyList<int> target, DropPlace place)
    {
        if (!CanMoveTo(tree, source, target, place))
        {
            return tree;
        }

        var node = At(tree, source)!;
        var without = Delete(tree, source);
        var destination = PathAfterRemoval(target, source);
        var sameParent = place != DropPlace.Inside && source.Count == target.Count && source.Take(source.Count - 1).SequenceEqual(target.Take(target.Count - 1));
        if (place == DropPlace.Inside)
        {
            return Update(without, destination, parent => parent with { Children = [.. parent.Children, Renamed(node, parent.Children, sameParent)] });
        }

        return UpdateSiblings(without, destination, (siblings, index) =>
        {
            var list = siblings.ToList();
            list.Insert(place == DropPlace.Before ? index : index + 1, Renamed(node, siblings, sameParent));
            return list.ToValueList();
        });
    }

    /// <summary>Changes the type; a node leaving Object loses its children (Bizagi's trees give children to objects only).</summary>
    public static ValueList<DataNode> SetType(ValueList<DataNode> tree, IReadOnlyList<int> path, DataType type) =>
        Update(tree, path, node => node with { Type = type, Children = type == DataType.Object ? node.Children : [] });

    public static ValueList<DataNode> Update(ValueList<DataNode> tree, IReadOnlyList<int> path, Func<DataNode, DataNode> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return UpdateSiblings(tree, path, (siblings, index) => siblings.Select((n, i) => i == index ? change(n) : n).ToValueList());
    }

    /// <summary>The node at the path, or null when the path leads nowhere.</summary>
    public static DataNode? At(ValueList<DataNode> tree, IReadOnlyList<int> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        DataNode? node = null;
        var level = tree;
        foreach (var index in path)
        {
            if (index < 0 || index >= level.Count)
            {
                return null;
            }

            node = level[index];
            level = node.Children;
        }

        return node;
    }

    private static ValueList<DataNode> UpdateSiblings(ValueList<DataNode> tree, IReadOnlyList<int> path, Func<ValueList<DataNode>, int, ValueList<DataNode>> change)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0 || path[0] < 0 || path[0] >= tree.Count)
        {
            return tree;
        }

        if (path.Count == 1)
        {
            return change(tree, path[0]);
        }

        var parent = tree[path[0]];
        var children = UpdateSiblings(parent.Children, path.Skip(1).ToList(), change);
        return tree.Select((n, i) => i == path[0] ? parent with { Children = children } : n).ToValueList();
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies under it.</summary>
    private static bool IsWithin(IReadOnlyList<int> path, IReadOnlyList<int> ancestor) =>
        path.Count >= ancestor.Count && path.Take(ancestor.Count).SequenceEqual(ancestor);

    /// <summary>Where the node at <paramref name="path"/> is once the node at <paramref name="removed"/> (not an ancestor of it) is gone.</summary>
    private static int[] PathAfterRemoval(IReadOnlyList<int> path, IReadOnlyList<int> removed)
    {
        var adjusted = path.ToArray();
        var level = removed.Count - 1;
        if (path.Count > level && path.Take(level).SequenceEqual(removed.Take(level)) && path[level] > removed[level])
        {
            adjusted[level]--;
        }

        return adjusted;
    }

    private static DataNode Renamed(DataNode node, ValueList<DataNode> newSiblings, bool sameParent) =>
        sameParent ? node : node with { Name = FreeName(newSiblings, node.Name) };

    /// <summary><paramref name="wanted"/>, or wanted2, wanted3… when the name is taken at that level.</summary>
    private static string FreeName(ValueList<DataNode> siblings, string wanted = "field")
    {
        var taken = siblings.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var name = wanted;
        for (var n = 2; taken.Contains(name); n++)
        {
            name = wanted + n;
        }

        return name;
    }
}
